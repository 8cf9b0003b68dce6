/**
 * Printable forms of the one-stop mechanism as PDF, laid out after the national templates (Circular 01/2018/TT-VPCP,
 * now Circular 03/2025/TT-VPCP): 01 receipt and appointment slip, 02 supplement request, 03 refusal, 04 apology and
 * new appointment, the processing-control slip and the dossier register.
 *
 * <p>The package knows nothing about dossiers, storage or HTTP: callers fill the plain input records
 * ({@link org.motcua.forms.ReceiptSlip}, {@link org.motcua.forms.SupplementRequest}, ...) and
 * {@link org.motcua.forms.FormPdfs} returns the PDF bytes. Text is set in DejaVu Sans, embedded as a subset, so every
 * Vietnamese diacritic prints and can be extracted again. A {@code null} text prints as a dotted blank to fill in by
 * hand.
 */
package org.motcua.forms;
