/**
 * Drafts of online submissions (bản nháp, issue 18): what a citizen typed into a submit page, the e-form's data
 * included, kept for them alone to resume, until it expires. Not dossiers: no code, no history, in no indicator.
 */
package org.motcua.draft;
