package jp.ikiiki.desk.deliverables.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The data model of the running database for the handover package (第9章1(4)), read from {@code pg_catalog} rather
 * than {@code information_schema}: the latter shows only what the application's role may use, and the audit trail's
 * sealed table is closed to it on purpose. Only the schema is read, never a row of data.
 */
@Component
class HandoverDataModel {

	/** One column of a table or view. */
	record Column(String table, String tableKind, String tableComment, int position, String column, String type,
			boolean notNull, String defaultValue, String comment) {
	}

	/** One constraint (primary key, foreign key, unique, check) as PostgreSQL defines it. */
	record Constraint(String table, String name, String kind, String definition) {
	}

	/** One index. */
	record Index(String table, String name, String definition) {
	}

	/** One applied migration from Flyway's history. */
	record Migration(int rank, String version, String description, String script, Integer checksum,
			String installedBy, String installedOn, boolean success) {
	}

	private final JdbcClient jdbc;

	HandoverDataModel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Column> columns() {
		return jdbc.sql("""
				select cl.relname, cl.relkind::text as relkind, obj_description(cl.oid, 'pg_class') as table_comment,
				       a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull,
				       pg_get_expr(d.adbin, d.adrelid) as default_value, col_description(cl.oid, a.attnum) as comment
				from pg_catalog.pg_class cl
				join pg_catalog.pg_namespace n on n.oid = cl.relnamespace
				join pg_catalog.pg_attribute a on a.attrelid = cl.oid and a.attnum > 0 and not a.attisdropped
				left join pg_catalog.pg_attrdef d on d.adrelid = cl.oid and d.adnum = a.attnum
				where n.nspname = current_schema() and cl.relkind in ('r', 'p', 'v', 'm')
				order by cl.relname, a.attnum""")
				.query((rs, n) -> new Column(rs.getString("relname"), kind(rs.getString("relkind")),
						rs.getString("table_comment"), rs.getInt("attnum"), rs.getString("attname"),
						rs.getString("type"), rs.getBoolean("attnotnull"), rs.getString("default_value"),
						rs.getString("comment")))
				.list();
	}

	List<Constraint> constraints() {
		return jdbc.sql("""
				select cl.relname, co.conname, co.contype::text as contype, pg_get_constraintdef(co.oid) as def
				from pg_catalog.pg_constraint co
				join pg_catalog.pg_class cl on cl.oid = co.conrelid
				join pg_catalog.pg_namespace n on n.oid = cl.relnamespace
				where n.nspname = current_schema()
				order by cl.relname, co.conname""")
				.query((rs, n) -> new Constraint(rs.getString("relname"), rs.getString("conname"),
						constraintKind(rs.getString("contype")), rs.getString("def")))
				.list();
	}

	List<Index> indexes() {
		return jdbc.sql("select tablename, indexname, indexdef from pg_catalog.pg_indexes "
				+ "where schemaname = current_schema() order by tablename, indexname")
				.query((rs, n) -> new Index(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	List<Migration> migrations() {
		return jdbc.sql("""
				select installed_rank, version, description, script, checksum, installed_by,
				       to_char(installed_on, 'YYYY-MM-DD HH24:MI:SS') as installed_on, success
				from flyway_schema_history order by installed_rank""")
				.query((rs, n) -> new Migration(rs.getInt("installed_rank"), rs.getString("version"),
						rs.getString("description"), rs.getString("script"), (Integer) rs.getObject("checksum"),
						rs.getString("installed_by"), rs.getString("installed_on"), rs.getBoolean("success")))
				.list();
	}

	/** The columns grouped by table, in the order read. */
	static Map<String, List<Column>> byTable(List<Column> columns) {
		Map<String, List<Column>> tables = new LinkedHashMap<>();
		for (Column c : columns) {
			tables.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c);
		}
		return tables;
	}

	private static String kind(String relkind) {
		return switch (relkind) {
			case "v" -> "view";
			case "m" -> "materialized view";
			case "p" -> "partitioned table";
			default -> "table";
		};
	}

	private static String constraintKind(String contype) {
		return switch (contype) {
			case "p" -> "primary key";
			case "f" -> "foreign key";
			case "u" -> "unique";
			case "c" -> "check";
			case "x" -> "exclusion";
			case "t" -> "trigger";
			case "n" -> "not null";
			default -> contype;
		};
	}
}
