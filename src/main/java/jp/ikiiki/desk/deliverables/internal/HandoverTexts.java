package jp.ikiiki.desk.deliverables.internal;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.ikiiki.desk.deliverables.DeliverablePeriod;

/** The text files of the handover package (第9章1(4)): CSV, Markdown, properties and the README. */
final class HandoverTexts {

	private HandoverTexts() {
	}

	static String columnsCsv(List<HandoverDataModel.Column> columns) {
		StringBuilder csv = new StringBuilder();
		line(csv, "table", "table_kind", "table_comment", "position", "column", "type", "not_null", "default",
				"comment");
		for (HandoverDataModel.Column c : columns) {
			line(csv, c.table(), c.tableKind(), c.tableComment(), String.valueOf(c.position()), c.column(), c.type(),
					String.valueOf(c.notNull()), c.defaultValue(), c.comment());
		}
		return csv.toString();
	}

	static String constraintsCsv(List<HandoverDataModel.Constraint> constraints) {
		StringBuilder csv = new StringBuilder();
		line(csv, "table", "constraint", "kind", "definition");
		for (HandoverDataModel.Constraint c : constraints) {
			line(csv, c.table(), c.name(), c.kind(), c.definition());
		}
		return csv.toString();
	}

	static String indexesCsv(List<HandoverDataModel.Index> indexes) {
		StringBuilder csv = new StringBuilder();
		line(csv, "table", "index", "definition");
		for (HandoverDataModel.Index i : indexes) {
			line(csv, i.table(), i.name(), i.definition());
		}
		return csv.toString();
	}

	static String migrationsCsv(List<HandoverDataModel.Migration> migrations) {
		StringBuilder csv = new StringBuilder();
		line(csv, "installed_rank", "version", "description", "script", "checksum", "installed_by", "installed_on",
				"success");
		for (HandoverDataModel.Migration m : migrations) {
			line(csv, String.valueOf(m.rank()), m.version(), m.description(), m.script(),
					m.checksum() == null ? "" : String.valueOf(m.checksum()), m.installedBy(), m.installedOn(),
					String.valueOf(m.success()));
		}
		return csv.toString();
	}

	static String dataModelMarkdown(List<HandoverDataModel.Column> columns,
			List<HandoverDataModel.Constraint> constraints, List<HandoverDataModel.Index> indexes) {
		StringBuilder md = new StringBuilder("# Data model\n\nRead from the running database's catalogue (`pg_catalog`)"
				+ " when this package was made. The same in CSV: `columns.csv`, `constraints.csv`, `indexes.csv`; the"
				+ " applied migrations: `flyway-migrations.csv`.\n");
		for (Map.Entry<String, List<HandoverDataModel.Column>> table : HandoverDataModel.byTable(columns).entrySet()) {
			HandoverDataModel.Column first = table.getValue().get(0);
			md.append("\n## ").append(table.getKey()).append(" (").append(first.tableKind()).append(")\n\n");
			if (first.tableComment() != null) {
				md.append(cell(first.tableComment())).append("\n\n");
			}
			md.append("| # | column | type | not null | default | comment |\n| --- | --- | --- | --- | --- | --- |\n");
			for (HandoverDataModel.Column c : table.getValue()) {
				md.append("| ").append(c.position()).append(" | ").append(cell(c.column())).append(" | ")
						.append(cell(c.type())).append(" | ").append(c.notNull() ? "yes" : "").append(" | ")
						.append(cell(c.defaultValue())).append(" | ").append(cell(c.comment())).append(" |\n");
			}
			List<HandoverDataModel.Constraint> own = constraints.stream().filter(k -> k.table().equals(table.getKey()))
					.toList();
			if (!own.isEmpty()) {
				md.append("\nConstraints:\n\n");
				own.forEach(k -> md.append("- `").append(k.name()).append("` ").append(k.kind()).append(": `")
						.append(k.definition()).append("`\n"));
			}
			List<HandoverDataModel.Index> idx = indexes.stream().filter(i -> i.table().equals(table.getKey())).toList();
			if (!idx.isEmpty()) {
				md.append("\nIndexes:\n\n");
				idx.forEach(i -> md.append("- `").append(i.definition()).append("`\n"));
			}
		}
		return md.toString();
	}

	static String configuration(List<HandoverConfiguration.Property> properties,
			List<HandoverConfiguration.Property> bound, List<String> profiles) {
		StringBuilder text = new StringBuilder();
		text.append("# Configuration in force when this package was made (every ikiiki.* property and IKIIKI_*\n");
		text.append("# environment variable). Values of passwords, keys, tokens and other secrets are replaced by ")
				.append(HandoverConfiguration.MASK).append(";\n");
		text.append("# set them again from the environment (see docs/operations.md). Active profiles: ")
				.append(profiles.isEmpty() ? "(default)" : String.join(",", profiles)).append('\n');
		for (HandoverConfiguration.Property p : properties) {
			text.append("# from: ").append(oneLine(p.source())).append(p.masked() ? " (secret, masked)" : "")
					.append('\n');
			text.append(escapeKey(p.name())).append('=').append(escapeValue(p.value())).append('\n');
		}
		text.append("\n# ---------------------------------------------------------------------------------------------\n");
		text.append("# Effective values of every ikiiki settings record (@ConfigurationProperties), defaults included.\n");
		text.append("# Informational: the names are the records' Java property names.\n");
		for (HandoverConfiguration.Property p : bound) {
			text.append("# effective: ").append(escapeKey(p.name())).append('=').append(oneLine(escapeValue(p.value())))
					.append('\n');
		}
		return text.toString();
	}

	static String readme(String title, Properties revision, List<String> docs, List<HandoverDataModel.Column> columns,
			List<HandoverDataModel.Migration> migrations, List<DeliverablePeriod> open) {
		long tables = HandoverDataModel.byTable(columns).size();
		long overdue = open.stream().filter(DeliverablePeriod::overdue).count();
		return title + "\n\n"
				+ "契約 第9章1(4) に基づく次期受注者への引継ぎ資料です。\n\n"
				+ "  docs/                     運営マニュアル（operations.md）、設計書（architecture.md）、モジュール図（modules/）: "
				+ docs.size() + " ファイル\n"
				+ "  data-model/               データモデル（テーブル・列・型・コメント・制約・索引）: " + tables + " テーブル／ビュー、"
				+ "適用済みマイグレーション " + migrations.size() + " 件\n"
				+ "  source-revision.properties  ソースコードの版（git コミット ID: " + revision.getProperty("git.commit.id", "unknown")
				+ "）\n"
				+ "  configuration/            稼働中の設定（パスワード・鍵・トークンは " + HandoverConfiguration.MASK + " で伏せ字）\n"
				+ "  checklist/                引継ぎチェックリスト（XLSX）: 未了の提出物 " + open.size() + " 件（うち期限超過 " + overdue
				+ " 件）と引継ぎ項目。A 列で確認済み（☑）を選べます。\n"
				+ "  SHA256SUMS                各ファイルの SHA-256（sha256sum -c SHA256SUMS で確認できます）\n\n"
				+ "個人データは含みません（スキーマのみで、データの行は含みません）。\n";
	}

	/** {@code sha256sum}'s format, so that {@code sha256sum -c SHA256SUMS} checks the unpacked package. */
	static String sums(Map<String, byte[]> entries) {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<String, byte[]> e : entries.entrySet()) {
			text.append(DeliverablesService.sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
		}
		return text.toString();
	}

	/** One CSV line (RFC 4180 quoting; text Excel would read as a formula defused, negative numbers kept). */
	static void line(StringBuilder csv, String... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			String v = values[i] == null ? "" : values[i];
			if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
				v = "'" + v;
			}
			if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
				v = '"' + v.replace("\"", "\"\"") + '"';
			}
			csv.append(v);
		}
		csv.append("\r\n");
	}

	private static String cell(String text) {
		return text == null ? "" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
	}

	private static String oneLine(String text) {
		return text == null ? "" : text.replace("\r", " ").replace("\n", " ");
	}

	private static String escapeKey(String key) {
		return key.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ ");
	}

	private static String escapeValue(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (char c : value.toCharArray()) {
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(c);
			}
		}
		return out.toString();
	}
}
