/**
 * Reports to the city (第6章1(4)): the daily report after closing on every open day and on demand, and the
 * monthly summary, as XLSX and PDF, delivered to the city staff's inbox in the console and by e-mail. Other
 * modules add their figures through {@link jp.ikiiki.desk.reports.ReportContribution}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package jp.ikiiki.desk.reports;
