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
import jp.ikiiki.desk.postal.TownDictionary;
import jp.ikiiki.desk.printing.MissingCustomerBarcode;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.UnprintableText;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseFonts;
import jp.ikiiki.desk.shared.JapaneseFonts.Face;
import jp.ikiiki.desk.shared.StateConflictException;
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
 * (a parsed font must not be shared by threads writing at the same time). An item that cannot be printed is refused
 * before anything is written, with a {@link StateConflictException} naming the form, the item's position and its
 * 宛名番号 for the operator (domain refusals are never logged); nothing personal is logged.
 */
public final class FormRenderer {

	private final ThreadLocal<Map<Face, TrueTypeFont>> fonts = ThreadLocal.withInitial(() -> new EnumMap<>(Face.class));
	private final ThreadLocal<TrueTypeFont> fallbackFont = new ThreadLocal<>();
	private final TownDictionary towns;
	private final Ipamj fallback;

	/** A renderer whose customer barcodes use the bundled postcode → 町域 dictionary, IPAmj Mincho if installed. */
	public FormRenderer() {
		this(TownDictionary.bundled(), Ipamj.debian());
	}

	/**
	 * @param towns    the postcode → 町域 dictionary the customer barcodes use
	 * @param fallback the font for characters the bundled face lacks (IPAmj Mincho), or {@link Ipamj#none()}
	 */
	public FormRenderer(TownDictionary towns, Ipamj fallback) {
		this.towns = towns;
		this.fallback = fallback;
	}

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
	 * Writes one PDF, one page per item (two, front then back, for a two-sided form). Everything is checked before
	 * the first byte is written.
	 *
	 * @throws StateConflictException if an item lacks a required field, a barcode value cannot be encoded or would not
	 *                                fit the page, or a field has undecided characters
	 */
	public void render(FormLayout layout, List<PrintItem> items, DecisionSet decisions, OutputStream out)
			throws IOException {
		List<Map<String, String>> values = check(layout, items, decisions);
		try (PDDocument document = new PDDocument()) {
			Map<Face, Typeface> loaded = new EnumMap<>(Face.class);
			PDRectangle size = new PDRectangle(Units.mmToPt(layout.page().widthMm()),
					Units.mmToPt(layout.page().heightMm()));
			for (int i = 0; i < items.size(); i++) {
				CustomerBarcode customer = customerBarcode(layout, items.get(i));
				for (int side = 1; side <= layout.sides(); side++) {
					PDPage page = new PDPage(size);
					document.addPage(page);
					try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
						drawPage(layout, side, values.get(i), customer, cs, loaded, document);
					}
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
					throw new StateConflictException(item(layout, i, items) + "に必要な項目「" + PrintFields.label(f)
							+ "」がありません").with("field", f);
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
			throw new StateConflictException("帳票「" + layout.title() + "」の " + people + " 人 " + undecided.size()
					+ " 項目に、市の判断（外字・カナ表記）が済んでいない文字があります。何も作成していません");
		}
		for (int i = 0; i < items.size(); i++) {
			int index = i;
			for (FormLayout.Barcode b : layout.barcodes()) {
				String v = values.get(i).get(b.field());
				if (v == null || v.isBlank()) {
					continue;
				}
				BitMatrix m = encode(b, v, () -> item(layout, index, items));
				double right = b.xMm() + m.getWidth() * b.moduleWidthMm();
				if (right > layout.page().widthMm()) {
					throw new StateConflictException(item(layout, i, items) + "の「" + PrintFields.label(b.field())
							+ "」はバーコードにすると " + String.format("%.1f", right) + " mm に達し、用紙（幅 "
							+ layout.page().widthMm() + " mm）に収まりません");
				}
			}
		}
		return values;
	}

	private void drawPage(FormLayout layout, int side, Map<String, String> values, CustomerBarcode customer,
			PDPageContentStream cs, Map<Face, Typeface> loaded, PDDocument document) throws IOException {
		float pageHeight = Units.mmToPt(layout.page().heightMm());
		cs.setNonStrokingColor(0f);
		cs.setStrokingColor(0f);
		for (FormLayout.Rule r : layout.rules()) {
			if (r.side() != side) {
				continue;
			}
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
			if (t.side() != side) {
				continue;
			}
			String text = t.fill(values::get);
			if (text.isBlank()) {
				continue;
			}
			Typeface font = loaded.computeIfAbsent(t.font(), f -> new Typeface(document, JapaneseFonts.load(document, font(f)),
					cmapOf(font(f)), fallback.available() ? this::fallbackFont : null));
			drawText(cs, font, t, text, pageHeight);
		}
		boolean bars = false;
		for (FormLayout.Barcode b : layout.barcodes()) {
			String v = values.get(b.field());
			if (b.side() != side || v == null || v.isBlank()) {
				continue;
			}
			BitMatrix m = encode(b, v, () -> "帳票「" + layout.title() + "」");
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
		if (c != null && c.side() == side && customer != null && customer.printable()) {
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

	private static void drawText(PDPageContentStream cs, Typeface font, FormLayout.Text t, String text,
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
		float ascent = font.primary.getFontDescriptor().getAscent() / 1000f;
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
			cs.setHorizontalScaling(scale);
			cs.newLineAtOffset(x, top - size * ascent - i * lineHeight);
			font.show(cs, line, size);
			cs.endText();
		}
	}

	private static List<String> wrap(Typeface font, String text, float size, float maxWidth) throws IOException {
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

	private static float width(Typeface font, String text, float size) throws IOException {
		return font.width(text) / 1000f * size;
	}

	/**
	 * A bundled face loaded into one document, with IPAmj Mincho (loaded into the document when a text first needs
	 * it) for the characters the face lacks: a text is drawn in runs, each in the font that has its characters.
	 */
	private static final class Typeface {
		private final PDDocument document;
		final PDType0Font primary;
		private final CmapLookup cmap;
		private final java.util.function.Supplier<TrueTypeFont> fallbackFont;
		private PDType0Font fallback;

		Typeface(PDDocument document, PDType0Font primary, CmapLookup cmap,
				java.util.function.Supplier<TrueTypeFont> fallbackFont) {
			this.document = document;
			this.primary = primary;
			this.cmap = cmap;
			this.fallbackFont = fallbackFont;
		}

		float width(String text) throws IOException {
			float w = 0;
			for (Map.Entry<PDType0Font, String> run : runs(text)) {
				w += run.getKey().getStringWidth(run.getValue());
			}
			return w;
		}

		void show(PDPageContentStream cs, String text, float size) throws IOException {
			for (Map.Entry<PDType0Font, String> run : runs(text)) {
				cs.setFont(run.getKey(), size);
				cs.showText(run.getValue());
			}
		}

		private List<Map.Entry<PDType0Font, String>> runs(String text) {
			List<Map.Entry<PDType0Font, String>> out = new ArrayList<>();
			StringBuilder run = new StringBuilder();
			PDType0Font current = null;
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				PDType0Font f = cmap.getGlyphId(cp) != 0 || fallbackFont == null ? primary : fallback();
				if (current != null && f != current) {
					out.add(Map.entry(current, run.toString()));
					run.setLength(0);
				}
				current = f;
				run.appendCodePoint(cp);
				i += Character.charCount(cp);
			}
			if (current != null) {
				out.add(Map.entry(current, run.toString()));
			}
			return out;
		}

		private PDType0Font fallback() {
			if (fallback == null) {
				fallback = JapaneseFonts.load(document, fallbackFont.get());
			}
			return fallback;
		}
	}

	/** The bars of a barcode, one row, no quiet zone (the layout leaves the room). */
	static BitMatrix encode(FormLayout.Barcode b, String value, java.util.function.Supplier<String> which) {
		String content = b.stripHyphens() ? value.replace("-", "") : value;
		try {
			return new MultiFormatWriter().encode(content, BarcodeFormat.valueOf(b.symbology()), 1, 1,
					Map.of(EncodeHintType.MARGIN, 0));
		}
		catch (WriterException | IllegalArgumentException e) {
			// ZXing says why in English with the value; the operator gets the field and the symbology.
			throw new StateConflictException(which.get() + "の「" + PrintFields.label(b.field()) + "」は "
					+ b.symbology() + " のバーコードにできない文字を含んでいます");
		}
	}

	/** How a refusal names an item: the form, its position in the run and its 宛名番号. */
	private static String item(FormLayout layout, int index, List<PrintItem> items) {
		String subject = items.get(index).subjectId();
		return "帳票「" + layout.title() + "」の " + (index + 1) + " 件目" + (subject == null ? "" : "（宛名番号 " + subject + "）");
	}

	private CustomerBarcode customerBarcode(FormLayout layout, PrintItem item) {
		return layout.customerBarcode() == null ? null : customerBarcode(item);
	}

	/** The item's customer barcode, or a not printable one with the reason. */
	CustomerBarcode customerBarcode(PrintItem item) {
		String postcode = item.fields().get(PrintFields.POSTCODE);
		String address = item.fields().getOrDefault(PrintFields.ADDRESS, "");
		String extra = item.fields().get(PrintFields.ADDRESS_EXTRA);
		String full = extra == null || extra.isBlank() ? address : address + "　" + extra;
		try {
			return CustomerBarcode.of(postcode, full, towns);
		}
		catch (InvalidInputException e) {
			return new CustomerBarcode(false, null, List.of(), null, e.reason());
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

	/** The face's cmap, completed by IPAmj Mincho's when installed: what the check and the drawing agree on. */
	private CmapLookup cmap(Face face) {
		CmapLookup primary = cmapOf(font(face));
		if (!fallback.available()) {
			return primary;
		}
		CmapLookup secondary = cmapOf(fallbackFont());
		return new CmapLookup() {
			@Override
			public int getGlyphId(int codePointAt) {
				int gid = primary.getGlyphId(codePointAt);
				return gid != 0 ? gid : secondary.getGlyphId(codePointAt);
			}

			@Override
			public List<Integer> getCharCodes(int gid) {
				return primary.getCharCodes(gid);
			}
		};
	}

	/** This thread's parsed IPAmj Mincho (parsed on first use; only when installed). */
	TrueTypeFont fallbackFont() {
		TrueTypeFont f = fallbackFont.get();
		if (f == null) {
			f = fallback.parse();
			fallbackFont.set(f);
		}
		return f;
	}

	private static CmapLookup cmapOf(TrueTypeFont font) {
		try {
			return font.getUnicodeCmapLookup();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Font has no Unicode cmap", e);
		}
	}
}
