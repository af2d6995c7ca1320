package jp.ikiiki.desk.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asterisk's configuration file format, as far as the files in {@code telephony/} use it: {@code [section]},
 * {@code [section](template,...)} and {@code [section](!)} headers, {@code key = value} and {@code key => value}
 * lines (repeatable, in order), {@code ;} comments to the end of the line ({@code \;} is a literal semicolon).
 * Sections with the same name (pjsip.conf's endpoint, auth and aor of one agent) stay separate.
 */
record AsteriskConf(List<Section> sections) {

	private static final Pattern HEADER = Pattern.compile("^\\[([^\\]]+)\\](?:\\(([^)]*)\\))?\\s*$");
	private static final Pattern ENTRY = Pattern.compile("^([^=]+?)\\s*=>?\\s*(.*)$");

	record Entry(String key, String value) {
	}

	record Section(String name, boolean template, List<String> inherits, List<Entry> entries) {

		List<String> all(String key) {
			return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).toList();
		}

		Optional<String> get(String key) {
			List<String> values = all(key);
			return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
		}
	}

	static AsteriskConf read(Path file) {
		try {
			return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static AsteriskConf parse(List<String> lines) {
		List<Section> sections = new ArrayList<>();
		Section current = null;
		for (String raw : lines) {
			String line = stripComment(raw).strip();
			if (line.isEmpty()) {
				continue;
			}
			Matcher header = HEADER.matcher(line);
			if (header.matches()) {
				List<String> options = header.group(2) == null ? List.of()
						: List.of(header.group(2).split("\\s*,\\s*"));
				boolean template = options.contains("!");
				List<String> inherits = options.stream().filter(o -> !o.equals("!") && !o.isBlank()).toList();
				current = new Section(header.group(1).strip(), template, inherits, new ArrayList<>());
				sections.add(current);
				continue;
			}
			Matcher entry = ENTRY.matcher(line);
			if (!entry.matches() || current == null) {
				throw new IllegalArgumentException("Not an Asterisk configuration line: " + raw);
			}
			current.entries().add(new Entry(entry.group(1).strip(), entry.group(2).strip()));
		}
		return new AsteriskConf(sections);
	}

	private static String stripComment(String line) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
				out.append(';');
				i++;
			}
			else if (c == ';') {
				break;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** The one section of this name (templates excluded); fails when there is none or more than one. */
	Section section(String name) {
		List<Section> found = sections(name);
		if (found.size() != 1) {
			throw new IllegalStateException("Expected one section [" + name + "], found " + found.size());
		}
		return found.get(0);
	}

	/** All non-template sections of this name. */
	List<Section> sections(String name) {
		return sections.stream().filter(s -> s.name().equals(name) && !s.template()).toList();
	}

	Optional<Section> template(String name) {
		return sections.stream().filter(s -> s.name().equals(name) && s.template()).findFirst();
	}

	/** A value of a section, looked up through its templates like Asterisk does. */
	Optional<String> effective(Section section, String key) {
		Optional<String> own = section.get(key);
		if (own.isPresent()) {
			return own;
		}
		for (int i = section.inherits().size() - 1; i >= 0; i--) {
			Optional<Section> parent = template(section.inherits().get(i));
			if (parent.isPresent()) {
				Optional<String> inherited = effective(parent.get(), key);
				if (inherited.isPresent()) {
					return inherited;
				}
			}
		}
		return Optional.empty();
	}
}
