package jp.ikiiki.desk.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.security.UserAdministration;
import jp.ikiiki.desk.security.UserSummary;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class UserAdministrationService implements UserAdministration {

	private static final String CHANNEL = "画面:利用者管理";
	/** Names no person may have: the application's own principal and Spring Security's anonymous. */
	static final Set<String> RESERVED = Set.of(CurrentUser.SYSTEM, "anonymous", "anonymoususer");

	private final UserAccounts accounts;
	private final PasswordEncoder encoder;
	private final AuditTrail audit;
	private final SignInGuard guard;
	private final JdbcClient jdbc;
	private final Clock clock = Clock.systemUTC();

	UserAdministrationService(UserAccounts accounts, PasswordEncoder encoder, AuditTrail audit, SignInGuard guard,
			JdbcClient jdbc) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.audit = audit;
		this.guard = guard;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<UserSummary> users() {
		Instant now = clock.instant();
		Set<String> lockedSomewhere = new HashSet<>(guard.lockedForSomeAddress());
		return accounts.findAll().stream()
				.sorted(Comparator.comparing(UserAccount::username))
				.map(a -> new UserSummary(a.username(), a.displayName(),
						a.roles().stream().map(UserAccount.UserRole::role).collect(Collectors.toCollection(TreeSet::new)),
						a.enabled(), a.lockedAt(now), a.failedLogins(), a.lockedUntil(), a.lastLoginAt(),
						lockedSomewhere.contains(a.username())))
				.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Workload workload() {
		Set<String> locked = new HashSet<>(jdbc.sql("select username from app_user where locked_until > now()")
				.query(String.class).list());
		locked.addAll(guard.lockedForSomeAddress());
		long withoutRole = jdbc.sql("""
				select count(*) from app_user u
				 where u.enabled and not exists (select 1 from app_user_role r where r.app_user = u.id)""")
				.query(Long.class).single();
		long failedToday = jdbc.sql("select count(*) from login_failure where occurred_at > now() - interval '1 day'")
				.query(Long.class).single();
		return new Workload(locked.size(), withoutRole, failedToday);
	}

	@Override
	@Transactional
	public void create(String username, String displayName, String password, Set<String> roles) {
		String name = SignInGuard.normalize(username);
		if (!name.matches("[a-z0-9._-]{2,64}")) {
			throw new InvalidInputException("ユーザー名", "ユーザー名は半角英小文字・数字・「._-」の2〜64文字にしてください");
		}
		if (RESERVED.contains(name)) {
			throw new InvalidInputException("ユーザー名", "ユーザー名「" + name + "」はシステムが使うため登録できません");
		}
		if (displayName == null || displayName.isBlank()) {
			throw new InvalidInputException("表示名", "表示名を入力してください");
		}
		if (displayName.strip().length() > 100) {
			throw new InvalidInputException("表示名", "表示名は100文字以内にしてください");
		}
		if (accounts.findByUsername(name).isPresent()) {
			throw new StateConflictException("ユーザー名「" + name + "」は既に使われています");
		}
		checkPassword(password);
		Set<UserAccount.UserRole> roleSet = checkRoles(roles);
		Instant now = clock.instant();
		accounts.save(new UserAccount(null, name, displayName.strip(), encoder.encode(password), true, 0, null, null,
				null, now, now, roleSet));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, "利用者作成 " + name + " 役割=" + new TreeSet<>(roles));
	}

	@Override
	@Transactional
	public void changeRoles(String username, Set<String> roles) {
		UserAccount a = load(username);
		if (a.username().equals(CurrentUser.name()) && (roles == null || !roles.contains(Roles.SECURITY_ADMIN))) {
			throw new StateConflictException("自分自身の情報管理責任者の役割は外せません");
		}
		var checked = checkRoles(roles);
		accounts.save(new UserAccount(a.id(), a.username(), a.displayName(), a.passwordHash(), a.enabled(), a.failedLogins(),
				a.lockedUntil(), a.lastLoginAt(), a.failuresResetAt(), a.createdAt(), clock.instant(), checked));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, "役割変更 " + a.username() + " 役割=" + new TreeSet<>(roles));
	}

	@Override
	@Transactional
	public void resetPassword(String username, String password) {
		UserAccount a = load(username);
		checkPassword(password);
		Instant now = clock.instant();
		accounts.save(new UserAccount(a.id(), a.username(), a.displayName(), encoder.encode(password), a.enabled(), 0, null,
				a.lastLoginAt(), now, a.createdAt(), now, a.roles()));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, "パスワード再設定 " + a.username());
	}

	@Override
	@Transactional
	public void setEnabled(String username, boolean enabled) {
		UserAccount a = load(username);
		if (!enabled && a.username().equals(CurrentUser.name())) {
			throw new StateConflictException("自分自身は無効にできません");
		}
		accounts.save(new UserAccount(a.id(), a.username(), a.displayName(), a.passwordHash(), enabled, a.failedLogins(),
				a.lockedUntil(), a.lastLoginAt(), a.failuresResetAt(), a.createdAt(), clock.instant(), a.roles()));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, (enabled ? "有効化 " : "無効化 ") + a.username());
	}

	@Override
	@Transactional
	public void unlock(String username) {
		UserAccount a = load(username);
		Instant now = clock.instant();
		accounts.save(new UserAccount(a.id(), a.username(), a.displayName(), a.passwordHash(), a.enabled(), 0, null,
				a.lastLoginAt(), now, a.createdAt(), now, a.roles()));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, "ロック解除 " + a.username());
	}

	private UserAccount load(String username) {
		return accounts.findByUsername(SignInGuard.normalize(username))
				.orElseThrow(() -> new NotFoundException("利用者「" + SignInGuard.clip(String.valueOf(username)) + "」はいません"));
	}

	static void checkPassword(String password) {
		if (password == null || password.length() < 10 || !password.matches("(?s).*[A-Za-z].*")
				|| !password.matches("(?s).*[0-9].*")) {
			throw new InvalidInputException("パスワード", "パスワードは英字と数字を含む10文字以上にしてください");
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			// BCrypt reads at most 72 bytes: a longer password would be cut without anyone knowing.
			throw new InvalidInputException("パスワード", "パスワードは半角72文字（72バイト）以内にしてください");
		}
	}

	static Set<UserAccount.UserRole> checkRoles(Set<String> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new InvalidInputException("役割", "役割を1つ以上選んでください");
		}
		for (String r : roles) {
			if (!Roles.ALL.contains(r)) {
				throw new InvalidInputException("役割", "不明な役割です: " + SignInGuard.clip(String.valueOf(r)));
			}
		}
		if (roles.contains(Roles.SECURITY_ADMIN) && roles.contains(Roles.FLOOR_MANAGER)) {
			throw new InvalidInputException("役割", "情報管理責任者と現場責任者は同じ人が兼ねられません（第1章3(3)）");
		}
		Set<UserAccount.UserRole> set = new HashSet<>();
		roles.forEach(r -> set.add(new UserAccount.UserRole(r)));
		return set;
	}
}
