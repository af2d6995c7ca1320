package jp.ikiiki.desk.security.internal;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface UserAccounts extends ListCrudRepository<UserAccount, Long> {
	Optional<UserAccount> findByUsername(String username);
}
