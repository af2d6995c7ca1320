package jp.ikiiki.desk.printing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writing print files: the forms of 第3章 by their layout ids ({@code booklet-cover}, {@code subsidy-application},
 * {@code grant-notice}, {@code non-grant-notice}, {@code cover-letter}, {@code booklet-issue-notice},
 * {@code group-registration-notice}) and of 第8章 ({@code points-notice}, the V-fold sealed postcard printed on both
 * sides of its sheet; {@code account-form}).
 */
public interface PrintFiles {

	/**
	 * The fields of these items that would print ・ ■ 〓 or a character the form's fonts lack and have no decision
	 * recorded yet. A print run may start only when this is empty.
	 *
	 * @throws IllegalArgumentException for an unknown form (a programming error: forms come from the layouts)
	 */
	List<UnprintableText> undecided(String form, List<PrintItem> items);

	/**
	 * Writes one PDF with the form's pages for the items, in their order, applying the recorded decisions.
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException if any item has an undecided unprintable field, lacks a
	 *                                                      required field or has a value its barcode cannot hold,
	 *                                                      naming the item (nothing is written)
	 * @throws IllegalArgumentException for an unknown form (a programming error)
	 */
	void render(String form, List<PrintItem> items, OutputStream out) throws IOException;

	/**
	 * The postal items of these that print without a customer barcode because Japan Post's rules cannot handle their
	 * address (empty for a form without an address block).
	 *
	 * @throws IllegalArgumentException for an unknown form (a programming error)
	 */
	List<MissingCustomerBarcode> withoutCustomerBarcode(String form, List<PrintItem> items);

	/** The layout ids this application can print. */
	java.util.Set<String> forms();

	/**
	 * The forms' names as people call them (the layout's {@code title}, e.g. ポイント手帳交付通知書), by layout id, in
	 * the order of the ids. A site layout brings its own title.
	 */
	java.util.Map<String, String> formTitles();
}
