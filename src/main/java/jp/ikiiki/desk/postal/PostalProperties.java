package jp.ikiiki.desk.postal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the postal module.
 *
 * @param townDictionary a postcode → 町域 dictionary file made by {@code postal.internal.TownDictionaryBuilder} from a
 *                       newer Japan Post release (gzip or plain); blank or absent: the dictionary bundled with the
 *                       application. Read at start-up; a file that cannot be read stops the start with the reason.
 */
@ConfigurationProperties("ikiiki.postal")
public record PostalProperties(Path townDictionary) {
}
