package jp.ikiiki.desk.printing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the printing module.
 *
 * @param layoutDirectory where site form layouts are kept ({@code <form>.json}): each replaces the bundled layout of
 *                        the same name or adds a form; blank or absent: the bundled layouts only. Checked at start-up.
 */
@ConfigurationProperties("ikiiki.printing")
public record PrintingProperties(Path layoutDirectory) {
}
