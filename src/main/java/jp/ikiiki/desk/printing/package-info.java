/**
 * Print files (第3章): PDF pages of every printed form from layouts kept as data, with
 * bundled Japanese fonts, barcodes and the customer barcode, and the check for characters that must not be
 * printed as they are, with the operator's recorded decisions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Printing")
package jp.ikiiki.desk.printing;
