package jp.ikiiki.desk.telephony;

import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The members of the call centre's queues and what they are doing, kept live from the AMI events. Changes are
 * published as {@link QueueMemberChanged} application events.
 */
public interface QueueMembers {

	/** Every known member, ordered by queue and name. */
	@PreAuthorize("isAuthenticated()")
	List<QueueMemberState> members();

	/** One member of a queue by its interface. */
	@PreAuthorize("isAuthenticated()")
	Optional<QueueMemberState> member(String queue, String memberInterface);
}
