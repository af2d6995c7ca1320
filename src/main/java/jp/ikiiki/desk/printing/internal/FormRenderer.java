package jp.ikiiki.desk.printing.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.ikiiki.desk.postal.Bar;
import jp.ikiiki.desk.postal.CustomerBarcode;
import jp.ikiiki.desk.printing.MissingCustomerBarcode;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.UnprintableText;
import jp.ikiiki.desk.shared.JapaneseFonts;
import jp.ikiiki.desk.shared.JapaneseFonts.Face;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes the pages of a form from its layout: texts in the bundled fonts, 1D barcodes (ZXing), the customer barcode,
 * with the recorded decisions applied. Each thread parses the fonts once and loads them into every document it writes
 * (a parsed font must not be shared by threads writing at the same time). No personal data is logged or put into
 * exception messages: items are named by their position in the run.
 */
public final class FormRenderer {

	private final ThreadLocal<Map<Face, TrueTypeFont>> fonts = ThreadLocal.withInitial(() -> new EnumMap<>(Face.class));

	/**
	 * The fields that print characters they must not, per item, after the decisions.
	 */
	public List<UnprintableText> undecided(FormLayout layout, List<PrintItem> items, DecisionSet decisions) {
		Map<String, List<CmapLookup>> cmapsByField = cmapsByField(layout);
		List<UnprintableText> out = new ArrayList<>();
		for (PrintItem item : items) {
			for (Map.Entry<String, List<CmapLookup>> e : cmapsByField.entrySet()) {
				String value = decisions.apply(item.subjectId(), e.getKey(), item.fields().get(e.getKey()), item.fields());
				if (value == null || value.isEmpty()) {
					continue;
				}
				List<String> bad = Printability.offending(value, e.getValue(),
						PrintFields.FROM_CITY_FILES.contains(e.getKey()));
				if (!bad.isEmpty()) {
					out.add(new UnprintableText(item.subjectId(), e.getKey(), value, bad));
				}
			}
		}
		return out;
	}

	/** The postal items whose address gets no customer barcode (empty for a form without one). */
	public List<MissingCustomerBarcode> withoutCustomerBarcode(FormLayout layout, List<PrintItem> items) {
		if (layout.customerBarcode() == null) {
			return List.of();
		}
		List<MissingCustomerBarcode> out = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			CustomerBarcode b = customerBarcode(items.get(i));
			if (!b.printable()) {
				out.add(new MissingCustomerBarcode(items.get(i).subjectId(), i, b.reason()));
			}
		}
		return out;
	}

	/**
	 * Writes one PDF, one page per item. Everything is checked before the first byte is written.
	 *
	 * @throws IllegalArgumentException if an item lacks a required field or a barcode value cannot be encoded
	 * @throws IllegalStateException    if any field has undecided characters
	 */
	public void render(FormLayout layout, List<PrintItem> items, DecisionSet decisions, OutputStream out)
			throws IOException {
		List<Map<String, String>> values = check(layout, items, decisions);
		try (PDDocument document = new PDDocument()) {
			Map<Face, PDType0Font> loaded = new EnumMap<>(Face.class);
			PDRectangle size = new PDRectangle(Units.mmToPt(layout.page().widthMm()),
					Units.mmToPt(layout.page().heightMm()));
			for (int i = 0; i < items.size(); i++) {
				PDPage page = new PDPage(size);
				document.addPage(page);
				try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
					drawPage(layout, values.get(i), customerBarcode(layout, items.get(i)), cs, loaded, document);
				}
			}
			document.save(out);
		}
	}

	/** Required fields, undecided characters and barcode contents, before anything is written; the values to print. */
	private List<Map<String, String>> check(FormLayout layout, List<PrintItem> items, DecisionSet decisions) {
		Set<String> required = layout.requiredFields();
		List<Map<String, String>> values = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			PrintItem item = items.get(i);
			for (String f : required) {
				String v = item.fields().get(f);
				if (v == null || v.isBlank()) {
					throw new IllegalArgumentException("Item " + (i + 1) + " of " + items.size() + " for form "
							+ layout.form() + ": required field '" + f + "' is missing or empty");
				}
			}
			Map<String, String> v = new LinkedHashMap<>();
			for (String f : layout.fields()) {
				v.put(f, decisions.apply(item.subjectId(), f, item.fields().get(f), item.fields()));
			}
			values.add(v);
		}
		List<UnprintableText> undecided = undecided(layout, items, decisions);
		if (!undecided.isEmpty()) {
			long people = undecided.stream().map(UnprintableText::subjectId).distinct().count();
			throw new IllegalStateException(undecided.size() + " field(s) of " + people
					+ " item(s) have characters that must not be printed as they are and no decision yet (form "
					+ layout.form() + "); nothing was written");
		}
		for (int i = 0; i < items.size(); i++) {
			for (FormLayout.Barcode b : layout.barcodes()) {
				String v = values.get(i).get(b.field());
				if (v == null || v.isBlank()) {
					continue;
				}
				BitMatrix m = encode(b, v, i, items.size(), layout.form());
				double right = b.xMm() + m.getWidth() * b.moduleWidthMm();
				if (right > layout.page().widthMm()) {
					throw new IllegalArgumentException("Item " + (i + 1) + " of " + items.size() + " for form "
							+ layout.form() + ": the " + b.field() + " barcode would reach " + String.format("%.1f", right)
							+ " mm, off the page (" + layout.page().widthMm() + " mm)");
				}
			}
		}
		return values;
	}

	private void drawPage(FormLayout layout, Map<String, String> values, CustomerBarcode customer,
			PDPageContentStream cs, Map<Face, PDType0Font> loaded, PDDocument document) throws IOException {
		float pageHeight = Units.mmToPt(layout.page().heightMm());
		cs.setNonStrokingColor(0f);
		cs.setStrokingColor(0f);
		for (FormLayout.Rule r : layout.rules()) {
			cs.setLineWidth(Units.mmToPt(r.lineMm()));
			float x = Units.mmToPt(r.xMm());
			float y = pageHeight - Units.mmToPt(r.yMm());
			if (r.heightMm() == 0 || r.widthMm() == 0) {
				cs.moveTo(x, y);
				cs.lineTo(x + Units.mmToPt(r.widthMm()), y - Units.mmToPt(r.heightMm()));
			}
			else {
				cs.addRect(x, y - Units.mmToPt(r.heightMm()), Units.mmToPt(r.widthMm()), Units.mmToPt(r.heightMm()));
			}
			cs.stroke();
		}
		for (FormLayout.Text t : layout.texts()) {
			String text = t.fill(values::get);
			if (text.isBlank()) {
				continue;
			}
			PDType0Font font = loaded.computeIfAbsent(t.font(), f -> JapaneseFonts.load(document, font(f)));
			drawText(cs, font, t, text, pageHeight);
		}
		boolean bars = false;
		for (FormLayout.Barcode b : layout.barcodes()) {
			String v = values.get(b.field());
			if (v == null || v.isBlank()) {
				continue;
			}
			BitMatrix m = encode(b, v, 0, 1, layout.form());
			float module = Units.mmToPt(b.moduleWidthMm());
			float x0 = Units.mmToPt(b.xMm());
			float h = Units.mmToPt(b.heightMm());
			float y = pageHeight - Units.mmToPt(b.yMm()) - h;
			int width = m.getWidth();
			int x = 0;
			while (x < width) {
				if (!m.get(x, 0)) {
					x++;
					continue;
				}
				int start = x;
				while (x < width && m.get(x, 0)) {
					x++;
				}
				cs.addRect(x0 + start * module, y, (x - start) * module, h);
				bars = true;
			}
		}
		FormLayout.CustomerBarcodeBlock c = layout.customerBarcode();
		if (c != null && customer != null && customer.printable()) {
			double unit = c.unitMm();
			List<Bar> list = customer.bars();
			for (int i = 0; i < list.size(); i++) {
				Bar bar = list.get(i);
				float x = Units.mmToPt(c.xMm() + 2 * i * unit);
				float top = pageHeight - Units.mmToPt(c.yMm() + bar.topUnits() * unit);
				float h = Units.mmToPt(bar.heightUnits() * unit);
				cs.addRect(x, top - h, Units.mmToPt(unit), h);
			}
			bars = true;
		}
		if (bars) {
			cs.fill();
		}
	}

	private static void drawText(PDPageContentStream cs, PDType0Font font, FormLayout.Text t, String text,
			float pageHeight) throws IOException {
		float size = (float) t.sizePt();
		float maxWidth = Units.mmToPt(t.maxWidthMm());
		List<String> lines = List.of(text);
		float scale = 100f;
		if (maxWidth > 0) {
			if (t.overflow() == FormLayout.Overflow.WRAP) {
				lines = wrap(font, text, size, maxWidth);
				while (lines.size() > t.maxLines() && size * 0.95f >= t.minSizePt()) {
					size *= 0.95f;
					lines = wrap(font, text, size, maxWidth);
				}
				if (lines.size() > t.maxLines()) {
					List<String> kept = new ArrayList<>(lines.subList(0, t.maxLines() - 1));
					kept.add(String.join("", lines.subList(t.maxLines() - 1, lines.size())));
					lines = kept;
				}
			}
			else {
				float w = width(font, text, size);
				if (w > maxWidth) {
					size = (float) Math.max(t.minSizePt(), size * maxWidth / w);
				}
			}
		}
		float ascent = font.getFontDescriptor().getAscent() / 1000f;
		float lineHeight = (float) (size * t.lineHeight());
		float top = pageHeight - Units.mmToPt(t.yMm());
		float anchor = Units.mmToPt(t.xMm());
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			float w = width(font, line, size);
			scale = maxWidth > 0 && w > maxWidth ? 100f * maxWidth / w : 100f;
			float drawn = w * scale / 100f;
			float x = switch (t.align()) {
				case LEFT -> anchor;
				case CENTER -> anchor - drawn / 2;
				case RIGHT -> anchor - drawn;
			};
			cs.beginText();
			cs.setFont(font, size);
			cs.setHorizontalScaling(scale);
			cs.newLineAtOffset(x, top - size * ascent - i * lineHeight);
			cs.showText(line);
			cs.endText();
		}
	}

	private static List<String> wrap(PDType0Font font, String text, float size, float maxWidth) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		float w = 0;
		for (String c : Printability.characters(text)) {
			float cw = width(font, c, size);
			if (w + cw > maxWidth && line.length() > 0) {
				lines.add(line.toString());
				line.setLength(0);
				w = 0;
				if (c.isBlank()) {
					continue;
				}
			}
			line.append(c);
			w += cw;
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static float width(PDType0Font font, String text, float size) throws IOException {
		return font.getStringWidth(text) / 1000f * size;
	}

	/** The bars of a barcode, one row, no quiet zone (the layout leaves the room). */
	static BitMatrix encode(FormLayout.Barcode b, String value, int index, int count, String form) {
		String content = b.stripHyphens() ? value.replace("-", "") : value;
		try {
			return new MultiFormatWriter().encode(content, BarcodeFormat.valueOf(b.symbology()), 1, 1,
					Map.of(EncodeHintType.MARGIN, 0));
		}
		catch (WriterException | IllegalArgumentException e) {
			throw new IllegalArgumentException("Item " + (index + 1) + " of " + count + " for form " + form + ": field '"
					+ b.field() + "' cannot be encoded as " + b.symbology() + " (" + e.getMessage() + ")");
		}
	}

	private static CustomerBarcode customerBarcode(FormLayout layout, PrintItem item) {
		return layout.customerBarcode() == null ? null : customerBarcode(item);
	}

	/** The item's customer barcode, or a not printable one with the reason. */
	static CustomerBarcode customerBarcode(PrintItem item) {
		String postcode = item.fields().get(PrintFields.POSTCODE);
		String address = item.fields().getOrDefault(PrintFields.ADDRESS, "");
		String extra = item.fields().get(PrintFields.ADDRESS_EXTRA);
		String full = extra == null || extra.isBlank() ? address : address + "　" + extra;
		try {
			return CustomerBarcode.of(postcode, full);
		}
		catch (IllegalArgumentException e) {
			return new CustomerBarcode(false, null, List.of(), null, e.getMessage());
		}
	}

	/** This thread's parsed font of a face (parsed on first use). */
	TrueTypeFont font(Face face) {
		return fonts.get().computeIfAbsent(face, JapaneseFonts::parse);
	}

	private Map<String, List<CmapLookup>> cmapsByField(FormLayout layout) {
		Map<String, Set<Face>> faces = new LinkedHashMap<>();
		for (FormLayout.Text t : layout.texts()) {
			for (String f : t.fields()) {
				faces.computeIfAbsent(f, k -> EnumSet.noneOf(Face.class)).add(t.font());
			}
		}
		Map<String, List<CmapLookup>> out = new LinkedHashMap<>();
		faces.forEach((field, set) -> out.put(field, set.stream().map(this::cmap).toList()));
		return out;
	}

	private CmapLookup cmap(Face face) {
		try {
			return font(face).getUnicodeCmapLookup();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Bundled font " + face + " has no Unicode cmap", e);
		}
	}
}
