package jp.ikiiki.desk.tally.scan;

/**
 * What a scanned booklet's file may be, from {@code ikiiki.tally.scan}.
 *
 * @param maxBytes       the largest file
 * @param maxPages       the most pages
 * @param maxPageMm      the longest page side in mm
 * @param maxImagePixels the most pixels one embedded image may have
 */
public record ScanLimits(long maxBytes, int maxPages, int maxPageMm, long maxImagePixels) {
}
