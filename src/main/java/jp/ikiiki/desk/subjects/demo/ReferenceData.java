package jp.ikiiki.desk.subjects.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The bundled lists the generator draws from ({@code classpath:subjects/demo/}): Hiroshima City postcodes with
 * ward and 町域 (Japan Post KEN_ALL, see hiroshima-postcodes.README.md) and hand-written name lists. Loaded once.
 */
final class ReferenceData {

	/** One (postcode, 町域) pair of Hiroshima City. */
	record Postcode(String code, int wardCode, String wardName, String town) {
	}

	/** A surname or given name and its katakana reading; {@code sex} 1/2 for given names, 0 for surnames. */
	record Name(String kanji, String kana, int sex) {
	}

	/** A surname written with a character outside JIS X 0208, and its common form. */
	record GaijiSurname(String kanji, String kana, String commonForm) {
	}

	static final String BASE = "subjects/demo/";

	private static volatile ReferenceData instance;

	final List<Postcode> postcodes;
	final List<Name> surnames;
	final List<Name> maleNames;
	final List<Name> femaleNames;
	final List<GaijiSurname> gaijiSurnames;

	private ReferenceData() {
		postcodes = read("hiroshima-postcodes.tsv", f -> f[0].equals("postcode") ? null
				: new Postcode(f[0], Integer.parseInt(f[1]), f[2], f[3]));
		surnames = read("surnames.tsv", f -> new Name(f[0], f[1], 0));
		List<Name> given = read("given-names.tsv", f -> new Name(f[0], f[1], Integer.parseInt(f[2])));
		maleNames = given.stream().filter(n -> n.sex() == 1).toList();
		femaleNames = given.stream().filter(n -> n.sex() == 2).toList();
		gaijiSurnames = read("gaiji-surnames.tsv", f -> new GaijiSurname(f[0], f[1], f[2]));
		if (postcodes.isEmpty() || surnames.isEmpty() || maleNames.isEmpty() || femaleNames.isEmpty()
				|| gaijiSurnames.isEmpty()) {
			throw new IllegalStateException("demo reference data missing under classpath:" + BASE);
		}
	}

	static ReferenceData get() {
		ReferenceData r = instance;
		if (r == null) {
			synchronized (ReferenceData.class) {
				r = instance;
				if (r == null) {
					r = new ReferenceData();
					instance = r;
				}
			}
		}
		return r;
	}

	private static <T> List<T> read(String file, Function<String[], T> parse) {
		try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(BASE + file)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + BASE + file);
			}
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			var out = new ArrayList<T>();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				T value = parse.apply(line.split("\t", -1));
				if (value != null) {
					out.add(value);
				}
			}
			return List.copyOf(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
