package jp.ikiiki.desk.printing.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.ikiiki.desk.shared.JapaneseFonts.Face;

/**
 * One form's layout, as data ({@code forms/<id>.json}): page size, texts, barcodes and the customer barcode, every
 * position in millimetres from the top left corner of the page. Built only by {@link FormLayouts}, which validates it.
 *
 * <p>A form printed on both sides of its sheet (the V-fold sealed postcard of 第2章3(4)) has {@code sides} 2: each
 * item then gets two pages in the PDF, front then back, for a duplex printer, and every element names its
 * {@code side} (1, the front, if absent). Positions on the back are as seen when looking at the back.
 *
 * @param form            the layout id, e.g. {@code booklet-cover}
 * @param title           the form's name for operators
 * @param page            page size
 * @param sides           1 (one side, the default) or 2 (both sides: two pages per item)
 * @param optionalFields  fields an item may leave out or empty (everything else the layout names is required)
 * @param texts           text lines
 * @param barcodes        1D barcodes
 * @param customerBarcode the Japan Post customer barcode of the address block; null for a form not posted
 * @param rules           frame lines and boxes
 */
public record FormLayout(String form, String title, Page page, int sides, List<String> optionalFields,
		List<Text> texts, List<Barcode> barcodes, CustomerBarcodeBlock customerBarcode, List<Rule> rules) {

	/** A field name: letters, then letters or digits ({@code checkupPoints14}). */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

	public FormLayout {
		sides = sides == 0 ? 1 : sides;
		optionalFields = optionalFields == null ? List.of() : List.copyOf(optionalFields);
		texts = texts == null ? List.of() : List.copyOf(texts);
		barcodes = barcodes == null ? List.of() : List.copyOf(barcodes);
		rules = rules == null ? List.of() : List.copyOf(rules);
	}

	/** Page size in millimetres. */
	public record Page(@JsonProperty(required = true) double widthMm, @JsonProperty(required = true) double heightMm) {
	}

	/** Horizontal alignment of a text on its x position. */
	public enum Align {
		/** x is the left edge. */
		LEFT,
		/** x is the centre. */
		CENTER,
		/** x is the right edge. */
		RIGHT
	}

	/** What a text wider than its {@code maxWidthMm} does. */
	public enum Overflow {
		/** Smaller font size, down to {@code minSizePt}. */
		SHRINK,
		/** Break into lines of at most the width, at most {@code maxLines}, then shrink. */
		WRAP
	}

	/**
	 * A text: fixed words and field values, e.g. {@code "{name}　様"} or {@code "〒{postcode}"}.
	 *
	 * @param template   the text with {@code {field}} placeholders
	 * @param xMm        x of the alignment point
	 * @param yMm        top of the first line
	 * @param font       GOTHIC or MINCHO
	 * @param sizePt     font size in points
	 * @param align      alignment on x (LEFT if absent)
	 * @param maxWidthMm the widest the text may be (0 or absent: no limit but the page)
	 * @param overflow   SHRINK (default) or WRAP
	 * @param minSizePt  smallest size when shrinking (default 60 % of sizePt)
	 * @param maxLines   lines when wrapping (default 2)
	 * @param lineHeight line pitch as a multiple of the size (default 1.3)
	 * @param side       1 (front, the default) or 2 (back) of a two-sided form
	 */
	public record Text(@JsonProperty(required = true) String template, @JsonProperty(required = true) double xMm,
			@JsonProperty(required = true) double yMm, Face font, @JsonProperty(required = true) double sizePt,
			Align align, double maxWidthMm, Overflow overflow, double minSizePt, int maxLines, double lineHeight,
			int side) {

		public Text {
			side = side == 0 ? 1 : side;
			font = font == null ? Face.MINCHO : font;
			align = align == null ? Align.LEFT : align;
			overflow = overflow == null ? Overflow.SHRINK : overflow;
			minSizePt = minSizePt > 0 ? minSizePt : sizePt * 0.6;
			maxLines = maxLines > 0 ? maxLines : 2;
			lineHeight = lineHeight > 0 ? lineHeight : 1.3;
		}

		/** The fields the template names, in order. */
		public Set<String> fields() {
			Set<String> names = new LinkedHashSet<>();
			Matcher m = PLACEHOLDER.matcher(template);
			while (m.find()) {
				names.add(m.group(1));
			}
			return names;
		}

		/** The template with the values filled in (a missing value prints nothing). */
		public String fill(java.util.function.Function<String, String> values) {
			Matcher m = PLACEHOLDER.matcher(template);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				String v = values.apply(m.group(1));
				m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
			}
			m.appendTail(out);
			return out.toString();
		}
	}

	/**
	 * A 1D barcode of one field's value.
	 *
	 * @param field         the field
	 * @param xMm           left edge of the first bar
	 * @param yMm           top of the bars
	 * @param symbology     a ZXing 1D format: CODE_128 (default), CODE_39, CODE_93, CODABAR (NW-7), ITF
	 * @param moduleWidthMm width of the narrowest bar
	 * @param heightMm      bar height
	 * @param stripHyphens  encode the value without its hyphens (e.g. 引受番号 printed as 123-45-67890-1)
	 * @param side          1 (front, the default) or 2 (back) of a two-sided form
	 */
	public record Barcode(@JsonProperty(required = true) String field, @JsonProperty(required = true) double xMm,
			@JsonProperty(required = true) double yMm, String symbology,
			@JsonProperty(required = true) double moduleWidthMm, @JsonProperty(required = true) double heightMm,
			boolean stripHyphens, int side) {

		public Barcode {
			side = side == 0 ? 1 : side;
			symbology = symbology == null ? "CODE_128" : symbology;
		}
	}

	/**
	 * The customer barcode of the address ({@code postcode}, {@code address} and {@code addressExtra}).
	 *
	 * @param xMm       left edge of the start code
	 * @param yMm       top of the long bars
	 * @param pointSize 8 to 11.5 (Japan Post: 10 is the standard; a long bar is 0.36 × pointSize mm)
	 * @param side      1 (front, the default) or 2 (back) of a two-sided form
	 */
	public record CustomerBarcodeBlock(@JsonProperty(required = true) double xMm,
			@JsonProperty(required = true) double yMm, double pointSize, int side) {

		public CustomerBarcodeBlock {
			pointSize = pointSize > 0 ? pointSize : 10;
			side = side == 0 ? 1 : side;
		}

		/** Width of one bar in mm (0.6 mm at 10 point). */
		public double unitMm() {
			return 0.06 * pointSize;
		}

		/** Width of the 67 bars in mm. */
		public double widthMm() {
			return (2 * 67 - 1) * unitMm();
		}

		/** Height of a long bar in mm. */
		public double heightMm() {
			return 6 * unitMm();
		}
	}

	/**
	 * A frame line (heightMm 0 or widthMm 0) or box.
	 *
	 * @param xMm       left
	 * @param yMm       top
	 * @param widthMm   width
	 * @param heightMm  height
	 * @param lineMm    line width (default 0.2)
	 * @param side      1 (front, the default) or 2 (back) of a two-sided form
	 */
	public record Rule(double xMm, double yMm, double widthMm, double heightMm, double lineMm, int side) {

		public Rule {
			lineMm = lineMm > 0 ? lineMm : 0.2;
			side = side == 0 ? 1 : side;
		}
	}

	/** Every field the layout names (texts and barcodes; the customer barcode adds the address fields). */
	public Set<String> fields() {
		Set<String> names = new LinkedHashSet<>();
		texts.forEach(t -> names.addAll(t.fields()));
		barcodes.forEach(b -> names.add(b.field()));
		if (customerBarcode != null) {
			names.addAll(List.of("postcode", "address", "addressExtra"));
		}
		return names;
	}

	/** The fields an item must carry. */
	public Set<String> requiredFields() {
		Set<String> names = fields();
		names.removeAll(optionalFields);
		return names;
	}
}
