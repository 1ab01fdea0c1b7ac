package io.rolegate.notification;

import java.time.Duration;
import java.util.Optional;

import io.rolegate.web.Language;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who besides the customers is told, in which language, and how often (PRODUCT §14, docs/notifications.md). */
@ConfigMapping(prefix = "rolegate.notifications")
public interface NotificationConfig {

    /** The vendor's staff mailbox for insecure roles and rejected registrations; unset: staff get no e-mail. */
    Optional<String> staffAddress();

    /** The language of e-mail to {@link #staffAddress()}. */
    @WithDefault("en")
    Language staffLanguage();

    /** At most one e-mail per connection and kind of notice within this time. */
    @WithDefault("6h")
    Duration quietPeriod();
}
