/**
 * Points tally (第7章, 第10章1): booklets received from the city per business year, their scans linked by the
 * cover's barcode, the stamps keyed twice (entry and verify, compared field by field) and the points, cap and amount
 * of every subject and year derived from the verified keying alone (別紙3 columns 50 and 55–77).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tally")
package jp.ikiiki.desk.tally;
