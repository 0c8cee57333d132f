/**
 * The HTML report of a result: its figures and words ({@link fr.apl.geo.report.Report}), maps,
 * histograms and text, written as one self-contained page ({@link fr.apl.geo.report.ReportHtml}).
 */
package fr.apl.geo.report;
