package jp.ikiiki.desk.agentdesk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.agentdesk.InquiryCategories;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcInquiryCategories implements InquiryCategories {

	static final String CHANNEL = "画面:問合せ区分";
	private static final int MAX_NAME = 40;

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	JdbcInquiryCategories(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public List<InquiryCategory> all() {
		return list();
	}

	/** {@link #all()} for the reports, which run without a desk user (a scheduled report, city staff). */
	List<InquiryCategory> list() {
		return jdbc.sql("""
				select c.id, c.parent_id, p.name as parent_name, c.name, c.sort_order, c.active
				from inquiry_category c left join inquiry_category p on p.id = c.parent_id
				order by coalesce(p.sort_order, c.sort_order), coalesce(p.id, c.id), c.parent_id nulls first,
				         c.sort_order, c.id
				""").query(JdbcInquiryCategories::row).list();
	}

	@Override
	public List<InquiryCategory> selectable() {
		List<InquiryCategory> all = all();
		List<InquiryCategory> result = new ArrayList<>();
		for (InquiryCategory c : all) {
			if (!c.active()) {
				continue;
			}
			if (c.parentId() != null) {
				boolean parentActive = all.stream().anyMatch(p -> p.id() == c.parentId() && p.active());
				if (parentActive) {
					result.add(c);
				}
			} else if (all.stream().noneMatch(k -> k.parentId() != null && k.parentId() == c.id() && k.active())) {
				result.add(c);
			}
		}
		return result;
	}

	@Override
	@Transactional
	public InquiryCategory add(Long parentId, String name) {
		String clean = checkName(name);
		if (parentId != null) {
			InquiryCategory parent = find(parentId)
					.orElseThrow(() -> new NotFoundException("上位区分が見つかりません: " + parentId));
			if (parent.parentId() != null) {
				throw new InvalidInputException("上位区分", "区分は2階層までです: 「" + parent.fullName() + "」の下には追加できません");
			}
		}
		checkUnique(parentId, clean, null);
		long id = jdbc.sql("""
				insert into inquiry_category (parent_id, name, sort_order)
				values (:parent, :name, (select coalesce(max(sort_order), 0) + 10 from inquiry_category
				                         where parent_id is not distinct from :parent))
				returning id
				""").param("parent", parentId).param("name", clean).query(Long.class).single();
		InquiryCategory added = find(id).orElseThrow();
		audit.record(AuditAction.SETTINGS, CHANNEL, List.of(), "問合せ区分を追加: " + added.fullName());
		return added;
	}

	@Override
	@Transactional
	public InquiryCategory rename(long id, String name) {
		InquiryCategory before = find(id).orElseThrow(() -> new NotFoundException("区分が見つかりません: " + id));
		String clean = checkName(name);
		checkUnique(before.parentId(), clean, id);
		jdbc.sql("update inquiry_category set name = :name where id = :id").param("name", clean).param("id", id)
				.update();
		InquiryCategory after = find(id).orElseThrow();
		audit.record(AuditAction.SETTINGS, CHANNEL, List.of(),
				"問合せ区分の名称変更: " + before.fullName() + " → " + after.fullName());
		return after;
	}

	@Override
	@Transactional
	public InquiryCategory setActive(long id, boolean active) {
		InquiryCategory before = find(id).orElseThrow(() -> new NotFoundException("区分が見つかりません: " + id));
		jdbc.sql("update inquiry_category set active = :a where id = :id").param("a", active).param("id", id).update();
		audit.record(AuditAction.SETTINGS, CHANNEL, List.of(),
				"問合せ区分を" + (active ? "再開" : "廃止") + ": " + before.fullName());
		return find(id).orElseThrow();
	}

	Optional<InquiryCategory> find(long id) {
		return jdbc.sql("""
				select c.id, c.parent_id, p.name as parent_name, c.name, c.sort_order, c.active
				from inquiry_category c left join inquiry_category p on p.id = c.parent_id where c.id = :id
				""").param("id", id).query(JdbcInquiryCategories::row).optional();
	}

	private void checkUnique(Long parentId, String name, Long except) {
		boolean taken = jdbc.sql("""
				select count(*) > 0 from inquiry_category
				where parent_id is not distinct from :parent and name = :name and id is distinct from :except
				""").param("parent", parentId).param("name", name).param("except", except).query(Boolean.class)
				.single();
		if (taken) {
			throw new InvalidInputException("区分名", "区分名「" + name + "」は同じ階層に既にあります");
		}
	}

	private static String checkName(String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			throw new InvalidInputException("区分名", "区分名を入力してください");
		}
		if (clean.length() > MAX_NAME) {
			throw new InvalidInputException("区分名", "区分名は" + MAX_NAME + "文字以内にしてください（" + clean.length() + "文字）");
		}
		return clean;
	}

	private static InquiryCategory row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new InquiryCategory(rs.getLong("id"), (Long) rs.getObject("parent_id", Long.class),
				rs.getString("parent_name"), rs.getString("name"), rs.getInt("sort_order"), rs.getBoolean("active"));
	}

}
