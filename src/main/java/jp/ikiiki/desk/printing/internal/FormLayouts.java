package jp.ikiiki.desk.printing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.ikiiki.desk.printing.PrintFields;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The form layouts: the bundled ones ({@code classpath:forms/*.json}), each replaced by a file of the same name in the
 * configured directory, which may also add forms. Every layout is checked when loaded; any error (a field no form
 * knows, a position off the page, a property the format does not have) stops the load with a message naming the file,
 * the element and the reason.
 */
public final class FormLayouts {

	/** Symbologies a layout may name (ZXing 1D writers). */
	public static final Set<String> SYMBOLOGIES = Set.of("CODE_128", "CODE_39", "CODE_93", "CODABAR", "ITF");

	private static final ObjectMapper JSON = new ObjectMapper()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

	private final Map<String, FormLayout> layouts;

	private FormLayouts(Map<String, FormLayout> layouts) {
		this.layouts = Collections.unmodifiableMap(layouts);
	}

	/**
	 * Loads the bundled layouts and those of {@code directory}.
	 *
	 * @param directory where site layouts are kept; null or blank: bundled only; configured but not a directory: an
	 *                  error
	 * @throws IllegalStateException listing every layout error found
	 */
	public static FormLayouts load(Path directory) {
		Map<String, FormLayout> found = new TreeMap<>();
		List<String> errors = new ArrayList<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.json")) {
				try (InputStream in = r.getInputStream()) {
					read("forms/" + r.getFilename(), in.readAllBytes(), found, errors);
				}
			}
			if (directory != null && !directory.toString().isBlank()) {
				if (!Files.isDirectory(directory)) {
					throw new IllegalStateException("Form layout directory " + directory + " (ikiiki.printing."
							+ "layout-directory) is not a directory");
				}
				try (Stream<Path> files = Files.list(directory)) {
					for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
						read(p.toString(), Files.readAllBytes(p), found, errors);
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Form layouts cannot be read", e);
		}
		if (!errors.isEmpty()) {
			throw new IllegalStateException("Form layout errors:\n" + String.join("\n", errors));
		}
		return new FormLayouts(found);
	}

	/** Parses and checks one layout; for tests and for checking a file before it is installed. */
	public static FormLayout parse(String source, byte[] json) {
		Map<String, FormLayout> found = new TreeMap<>();
		List<String> errors = new ArrayList<>();
		read(source, json, found, errors);
		if (!errors.isEmpty()) {
			throw new IllegalStateException("Form layout errors:\n" + String.join("\n", errors));
		}
		return found.values().iterator().next();
	}

	/** The layout of a form. */
	public Optional<FormLayout> find(String form) {
		return Optional.ofNullable(layouts.get(form));
	}

	/** The layout of a form, or IllegalArgumentException naming the known forms. */
	public FormLayout get(String form) {
		return find(form).orElseThrow(() -> new IllegalArgumentException(
				"Unknown form '" + form + "'; known forms: " + String.join(", ", layouts.keySet())));
	}

	/** The form ids, sorted. */
	public Set<String> forms() {
		return layouts.keySet();
	}

	private static void read(String source, byte[] json, Map<String, FormLayout> found, List<String> errors) {
		FormLayout layout;
		try {
			layout = JSON.readValue(json, FormLayout.class);
		}
		catch (JsonMappingException e) {
			String path = e.getPath().stream()
					.map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
					.collect(Collectors.joining(".")).replace(".[", "[");
			errors.add(source + ": " + (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage());
			return;
		}
		catch (JsonProcessingException e) {
			errors.add(source + ": not valid JSON: " + e.getOriginalMessage() + " at line "
					+ e.getLocation().getLineNr());
			return;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<String> problems = validate(layout);
		String fileName = Path.of(source).getFileName().toString();
		if (layout.form() != null && !fileName.equals(layout.form() + ".json")) {
			problems.add(0, "form id '" + layout.form() + "' does not match the file name " + fileName);
		}
		if (problems.isEmpty()) {
			found.put(layout.form(), layout);
		}
		else {
			problems.forEach(p -> errors.add(source + ": " + p));
		}
	}

	/** Every problem of a layout, each naming the element; empty if the layout is sound. */
	static List<String> validate(FormLayout layout) {
		List<String> problems = new ArrayList<>();
		if (layout.form() == null || !layout.form().matches("[a-z0-9-]+")) {
			problems.add("form: an id of lower-case letters, digits and hyphens is required");
		}
		if (layout.page() == null || layout.page().widthMm() <= 0 || layout.page().heightMm() <= 0) {
			problems.add("page: widthMm and heightMm must be greater than 0");
			return problems;
		}
		double w = layout.page().widthMm();
		double h = layout.page().heightMm();
		if (layout.sides() < 1 || layout.sides() > 2) {
			problems.add("sides: 1 (one side) or 2 (both sides of the sheet)");
		}
		for (String f : layout.optionalFields()) {
			if (!PrintFields.ALL.contains(f)) {
				problems.add("optionalFields: unknown field '" + f + "'" + known());
			}
		}
		for (int i = 0; i < layout.texts().size(); i++) {
			FormLayout.Text t = layout.texts().get(i);
			String at = "texts[" + i + "] \"" + t.template() + "\": ";
			for (String f : t.fields()) {
				if (!PrintFields.ALL.contains(f)) {
					problems.add(at + "unknown field '" + f + "'" + known());
				}
			}
			if (t.sizePt() <= 0 || t.minSizePt() > t.sizePt()) {
				problems.add(at + "sizePt must be greater than 0 and minSizePt at most sizePt");
			}
			double left = switch (t.align()) {
				case LEFT -> t.xMm();
				case CENTER -> t.xMm() - t.maxWidthMm() / 2;
				case RIGHT -> t.xMm() - t.maxWidthMm();
			};
			double right = left + t.maxWidthMm();
			int lines = t.overflow() == FormLayout.Overflow.WRAP ? t.maxLines() : 1;
			double bottom = t.yMm() + Units.ptToMm(t.sizePt()) * (1 + (lines - 1) * t.lineHeight());
			if (t.maxWidthMm() < 0) {
				problems.add(at + "maxWidthMm must not be negative");
			}
			if (t.maxWidthMm() == 0 && t.align() != FormLayout.Align.LEFT || t.overflow() == FormLayout.Overflow.WRAP
					&& t.maxWidthMm() == 0) {
				problems.add(at + "a CENTER/RIGHT aligned or wrapping text needs maxWidthMm");
			}
			side(problems, at, t.side(), layout);
			if (!within(left, t.yMm(), right, bottom, w, h) || t.xMm() < 0 || t.xMm() > w) {
				problems.add(at + "off the page: x " + t.xMm() + "–" + fmt(right) + " mm, y " + t.yMm() + "–"
						+ fmt(bottom) + " mm on a page of " + fmt(w) + " × " + fmt(h) + " mm");
			}
		}
		for (int i = 0; i < layout.barcodes().size(); i++) {
			FormLayout.Barcode b = layout.barcodes().get(i);
			String at = "barcodes[" + i + "] " + b.field() + ": ";
			if (!PrintFields.ALL.contains(b.field())) {
				problems.add(at + "unknown field '" + b.field() + "'" + known());
			}
			side(problems, at, b.side(), layout);
			if (!SYMBOLOGIES.contains(b.symbology())) {
				problems.add(at + "symbology '" + b.symbology() + "' is not one of " + SYMBOLOGIES);
			}
			if (b.moduleWidthMm() < 0.19 || b.heightMm() < 3) {
				problems.add(at + "moduleWidthMm must be at least 0.19 and heightMm at least 3 to scan");
			}
			if (!within(b.xMm(), b.yMm(), b.xMm(), b.yMm() + b.heightMm(), w, h)) {
				problems.add(at + "off the page: x " + b.xMm() + " mm, y " + b.yMm() + "–" + fmt(b.yMm() + b.heightMm())
						+ " mm on a page of " + fmt(w) + " × " + fmt(h) + " mm");
			}
		}
		FormLayout.CustomerBarcodeBlock c = layout.customerBarcode();
		if (c != null) {
			side(problems, "customerBarcode: ", c.side(), layout);
			if (c.pointSize() < 8 || c.pointSize() > 11.5) {
				problems.add("customerBarcode: pointSize must be 8 to 11.5 (Japan Post)");
			}
			else if (!within(c.xMm(), c.yMm(), c.xMm() + c.widthMm(), c.yMm() + c.heightMm(), w, h)) {
				problems.add("customerBarcode: off the page: x " + c.xMm() + "–" + fmt(c.xMm() + c.widthMm()) + " mm, y "
						+ c.yMm() + "–" + fmt(c.yMm() + c.heightMm()) + " mm on a page of " + fmt(w) + " × " + fmt(h)
						+ " mm");
			}
		}
		for (int i = 0; i < layout.rules().size(); i++) {
			FormLayout.Rule r = layout.rules().get(i);
			side(problems, "rules[" + i + "]: ", r.side(), layout);
			if (r.widthMm() < 0 || r.heightMm() < 0
					|| !within(r.xMm(), r.yMm(), r.xMm() + r.widthMm(), r.yMm() + r.heightMm(), w, h)) {
				problems.add("rules[" + i + "]: off the page or negative size");
			}
		}
		return problems;
	}

	private static void side(List<String> problems, String at, int side, FormLayout layout) {
		if (side < 1 || side > layout.sides()) {
			problems.add(at + "side " + side + " is not a side of this form (1" + (layout.sides() > 1 ? " or 2" : "")
					+ ")");
		}
	}

	private static boolean within(double left, double top, double right, double bottom, double w, double h) {
		return left >= 0 && top >= 0 && right <= w + 1e-9 && bottom <= h + 1e-9;
	}

	private static String known() {
		return " (known: " + String.join(", ", new TreeMap<>(PrintFields.ALL.stream()
				.collect(Collectors.toMap(s -> s, s -> s))).keySet()) + ")";
	}

	private static String fmt(double mm) {
		return String.format("%.1f", mm);
	}
}
