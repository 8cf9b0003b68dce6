/**
 * Interactive e-forms (biểu mẫu điện tử tương tác, Decree 45/2020/NĐ-CP; Circular 21/2023/TT-BTTTT): the declaration
 * (tờ khai) of a procedure case as a form the applicant fills in, instead of a scan of the paper one.
 *
 * <p>A province writes one definition per procedure case and catalogue version in {@code config/forms/} (a JSON
 * Schema for the data, a small layout with Vietnamese labels and help, the fields pre-filled from the signed-in
 * account, and the rules by which the data selects the case); {@link org.motcua.eform.FormDefinitions} loads them at
 * start-up, refusing a broken one, and is the feature's small API: find the definition of a procedure case
 * ({@link org.motcua.eform.FormDefinitions#find}), check data against it ({@link org.motcua.eform.FormDefinitions#validate},
 * a list of {@link org.motcua.eform.FieldError}), pre-fill it ({@link org.motcua.eform.FormDefinitions#prefill}) and
 * render the declaration PDF ({@link org.motcua.eform.DeclarationPdf}).
 *
 * <p>Not to be confused with {@code org.motcua.forms}: the printed forms of the one-stop mechanism (phiếu), whose PDF
 * helpers the declaration reuses. This package knows nothing about dossiers: the dossier side stores the data.
 */
package org.motcua.eform;
