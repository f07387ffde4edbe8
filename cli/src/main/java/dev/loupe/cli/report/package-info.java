/**
 * A self-contained HTML evaluation report: {@link dev.loupe.cli.report.Report} carries what was
 * measured, {@link dev.loupe.cli.report.HtmlReport} writes it as one {@code index.html} that opens
 * offline (pictures as {@code data:} URIs, charts as inline SVG drawn here, no scripts, and a
 * content security policy that forbids loading anything else). {@link dev.loupe.cli.report.Curves}
 * computes the ROC and precision-recall points, {@link dev.loupe.cli.report.Charts} draws them.
 */
package dev.loupe.cli.report;
