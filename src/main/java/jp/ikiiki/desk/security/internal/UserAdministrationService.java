package jp.ikiiki.desk.security.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.security.UserAdministration;
import jp.ikiiki.desk.security.UserSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class UserAdministrationService implements UserAdministration {

	private static final String CHANNEL = "画面:利用者管理";
	private final UserAccounts accounts;
	private final PasswordEncoder encoder;
	private final AuditTrail audit;
	private final Clock clock = Clock.systemUTC();

	UserAdministrationService(UserAccounts accounts, PasswordEncoder encoder, AuditTrail audit) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public List<UserSummary> users() {
		Instant now = clock.instant();
		return accounts.findAll().stream()
				.sorted(Comparator.comparing(UserAccount::username))
				.map(a -> new UserSummary(a.username(), a.displayName(),
						a.roles().stream().map(UserAccount.UserRole::role).collect(Collectors.toCollection(java.util.TreeSet::new)),
						a.enabled(), a.lockedAt(now), a.failedLogins(), a.lockedUntil(), a.lastLoginAt()))
				.toList();
	}

	@Override
	@Transactional
	public void create(String username, String displayName, String password, Set<String> roles) {
		String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		if (!name.matches("[a-z0-9._-]{2,64}")) {
			throw new IllegalArgumentException("ユーザー名は半角英小文字・数字・「._-」の2〜64文字にしてください");
		}
		if (displayName == null || displayName.isBlank()) {
			throw new IllegalArgumentException("表示名を入力してください");
		}
		if (accounts.findByUsername(name).isPresent()) {
			throw new IllegalArgumentException("ユーザー名「" + name + "」は既に使われています");
		}
		checkPassword(password);
		Set<UserAccount.UserRole> roleSet = checkRoles(roles);
		Instant now = clock.instant();
		accounts.save(new UserAccount(null, name, displayName.strip(), encoder.encode(password), true, 0, null, null, now, now, roleSet));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, "利用者作成 " + name + " 役割=" + new java.util.TreeSet<>(roles));
	}

	@Override
	@Transactional
	public void changeRoles(String username, Set<String> roles) {
		UserAccount a = load(username);
		if (a.username().equals(CurrentUser.name()) && !roles.contains(Roles.SECURITY_ADMIN)) {
			throw new IllegalArgumentException("自分自身の情報管理責任者の役割は外せません");
		}
		accounts.save(new UserAccount(a.id(), a.username(), a.displayName(), a.passwordHash(), a.enabled(), a.failedLogins(),
				a.lockedUntil(), a.lastLoginAt(), a.createdAt(), clock.instant(), checkRoles(roles)));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, "役割変更 " + a.username() + " 役割=" + new java.util.TreeSet<>(roles));
	}

	@Override
	@Transactional
	public void resetPassword(String username, String password) {
		UserAccount a = load(username);
		checkPassword(password);
		accounts.save(new UserAccount(a.id(), a.username(), a.displayName(), encoder.encode(password), a.enabled(), 0, null,
				a.lastLoginAt(), a.createdAt(), clock.instant(), a.roles()));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, "パスワード再設定 " + a.username());
	}

	@Override
	@Transactional
	public void setEnabled(String username, boolean enabled) {
		UserAccount a = load(username);
		if (!enabled && a.username().equals(CurrentUser.name())) {
			throw new IllegalArgumentException("自分自身は無効にできません");
		}
		accounts.save(new UserAccount(a.id(), a.username(), a.displayName(), a.passwordHash(), enabled, a.failedLogins(),
				a.lockedUntil(), a.lastLoginAt(), a.createdAt(), clock.instant(), a.roles()));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, (enabled ? "有効化 " : "無効化 ") + a.username());
	}

	@Override
	@Transactional
	public void unlock(String username) {
		UserAccount a = load(username);
		accounts.save(new UserAccount(a.id(), a.username(), a.displayName(), a.passwordHash(), a.enabled(), 0, null,
				a.lastLoginAt(), a.createdAt(), clock.instant(), a.roles()));
		audit.recordFor(CurrentUser.name(), AuditAction.USER_ADMIN, CHANNEL, "ロック解除 " + a.username());
	}

	private UserAccount load(String username) {
		return accounts.findByUsername(username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
				.orElseThrow(() -> new IllegalArgumentException("利用者「" + username + "」はいません"));
	}

	static void checkPassword(String password) {
		if (password == null || password.length() < 10 || !password.matches(".*[A-Za-z].*") || !password.matches(".*[0-9].*")) {
			throw new IllegalArgumentException("パスワードは英字と数字を含む10文字以上にしてください");
		}
	}

	static Set<UserAccount.UserRole> checkRoles(Set<String> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new IllegalArgumentException("役割を1つ以上選んでください");
		}
		for (String r : roles) {
			if (!Roles.ALL.contains(r)) {
				throw new IllegalArgumentException("不明な役割です: " + r);
			}
		}
		if (roles.contains(Roles.SECURITY_ADMIN) && roles.contains(Roles.FLOOR_MANAGER)) {
			throw new IllegalArgumentException("情報管理責任者と現場責任者は同じ人が兼ねられません（第1章3(3)）");
		}
		Set<UserAccount.UserRole> set = new HashSet<>();
		roles.forEach(r -> set.add(new UserAccount.UserRole(r)));
		return set;
	}

}
