package jp.ikiiki.desk.mailings;

/**
 * One line of the 後納郵便差出票 figures (第4章1(5)): envelopes of one class, pulled-out ones not counted.
 *
 * @param envelope    封筒
 * @param sizeClass   定形 / 定形外
 * @param weightClass 重量区分
 * @param handling    special handling (簡易書留), or empty
 * @param count       通数
 */
public record PostageLine(String envelope, String sizeClass, String weightClass, String handling, int count) {
}
