package jp.ikiiki.desk.groups.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jp.ikiiki.desk.groups.GroupCategory;
import jp.ikiiki.desk.shared.JapanTime;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the duplicate-check and public-list tests share: the application against the embedded PostgreSQL, the clock
 * pinned to 2026-11-25 10:00 in Japan (the month's 下旬), groups written into {@code activity_group} by SQL (the rule
 * the module's directory reads: APPLIED with the day its form was verified, REGISTERED once the city approved it).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(GroupListsITSupport.Clocks.class)
public abstract class GroupListsITSupport {

	public static final Instant NOW = LocalDateTime.of(2026, 11, 25, 10, 0).atZone(JapanTime.ZONE).toInstant();

	@TestConfiguration
	static class Clocks {
		@Bean
		Clock clock() {
			return Clock.fixed(NOW, JapanTime.ZONE);
		}
	}

	@Autowired
	protected JdbcClient jdbc;

	@BeforeEach
	void clearGroups() {
		jdbc.sql("delete from group_duplicate_pair").update();
		jdbc.sql("delete from town_group").update();
		jdbc.sql("delete from town_list_import").update();
		jdbc.sql("delete from activity_group_history").update();
		jdbc.sql("delete from activity_group").update();
	}

	/** A group as the form gave it. */
	public record G(GroupCategory category, String name, String kana, int ward, String meetingPlace, String repName,
			String repAddress, String repPhone, String publicContact, List<String> codes) {

		public static G general(String name, String kana, int ward, String place, String rep, String address,
				String phone, String contact) {
			return new G(GroupCategory.GENERAL, name, kana, ward, place, rep, address, phone, contact, List.of("D"));
		}

		public G as(GroupCategory c) {
			return new G(c, name, kana, ward, meetingPlace, repName, repAddress, repPhone, publicContact, codes);
		}
	}

	/** Inserts a REGISTERED group (approved on the day after it applied); returns its id. */
	protected long registered(G g, LocalDate appliedOn) {
		return insert(g, "REGISTERED", appliedOn, appliedOn.plusDays(1));
	}

	/** Inserts an APPLIED group whose form was verified on {@code appliedOn}; returns its id. */
	protected long applied(G g, LocalDate appliedOn) {
		return insert(g, "APPLIED", appliedOn, null);
	}

	private long insert(G g, String state, LocalDate appliedOn, LocalDate registeredOn) {
		return jdbc.sql("""
				insert into activity_group (category, name, name_kana, ward, activity_codes, meeting_place,
				    representative_name, representative_address, representative_phone, public_contact, state, applied_on,
				    registered_on)
				values (:category, :name, :kana, :ward, cast(:codes as varchar(8)[]), :place, :rn, :ra, :rp, :contact,
				        :state, :applied, :registered)
				returning id""").param("category", g.category().name()).param("name", g.name()).param("kana", g.kana())
				.param("ward", g.ward()).param("codes", "{" + String.join(",", g.codes()) + "}")
				.param("place", g.meetingPlace()).param("rn", g.repName()).param("ra", g.repAddress())
				.param("rp", g.repPhone()).param("contact", g.publicContact()).param("state", state)
				.param("applied", appliedOn).param("registered", registeredOn).query(Long.class).single();
	}

	/** Runs {@code work} as {@code user} holding {@code roles}; the previous identity is restored. */
	public static <T> T as(String user, Supplier<T> work, String... roles) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		var authorities = new ArrayList<SimpleGrantedAuthority>();
		for (String r : roles) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + r));
		}
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
