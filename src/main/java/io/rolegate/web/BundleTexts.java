package io.rolegate.web;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.rolegate.account.AccountMessages;
import io.rolegate.api.ApiMessages;
import io.rolegate.audit.AuditMessages;
import io.rolegate.connection.ConnectionMessages;
import io.rolegate.diagnosis.TrustMessages;
import io.rolegate.organisation.OrganisationMessages;
import io.rolegate.staff.StaffMessages;
import io.rolegate.verification.CheckMessages;

/**
 * The text of a message without parameters whose key is chosen while a page renders, e.g.
 * {@code {text:check(row.outcomeKey)}}: what {@code {check:message(row.outcomeKey)}} gives, in the template's
 * language, read once per bundle, language and key. Qute's {@code message(key)} compares the key with every
 * message name of the bundle on each call; with a hundred such lookups per staff console page that was a fifth of
 * the page's CPU (docs/benchmarks.md, "Staff console"). A key naming no parameterless message is an error, as it is
 * for {@code message(key)}.
 */
@TemplateExtension(namespace = "text")
public class BundleTexts {

    private record Key(Class<?> bundle, String language, String name) {
    }

    private static final Map<Key, String> TEXTS = new ConcurrentHashMap<>();

    static String msg(String key, @TemplateAttribute("locale") Object locale,
            @TemplateAttribute("selectedVariant") Object variant) {
        return text(Messages.class, key, locale, variant);
    }

    static String check(String key, @TemplateAttribute("locale") Object locale,
            @TemplateAttribute("selectedVariant") Object variant) {
        return text(CheckMessages.class, key, locale, variant);
    }

    static String conn(String key, @TemplateAttribute("locale") Object locale,
            @TemplateAttribute("selectedVariant") Object variant) {
        return text(ConnectionMessages.class, key, locale, variant);
    }

    static String staff(String key, @TemplateAttribute("locale") Object locale,
            @TemplateAttribute("selectedVariant") Object variant) {
        return text(StaffMessages.class, key, locale, variant);
    }

    static String trust(String key, @TemplateAttribute("locale") Object locale,
            @TemplateAttribute("selectedVariant") Object variant) {
        return text(TrustMessages.class, key, locale, variant);
    }

    static String api(String key, @TemplateAttribute("locale") Object locale,
            @TemplateAttribute("selectedVariant") Object variant) {
        return text(ApiMessages.class, key, locale, variant);
    }

    static String account(String key, @TemplateAttribute("locale") Object locale,
            @TemplateAttribute("selectedVariant") Object variant) {
        return text(AccountMessages.class, key, locale, variant);
    }

    static String audit(String key, @TemplateAttribute("locale") Object locale,
            @TemplateAttribute("selectedVariant") Object variant) {
        return text(AuditMessages.class, key, locale, variant);
    }

    static String org(String key, @TemplateAttribute("locale") Object locale,
            @TemplateAttribute("selectedVariant") Object variant) {
        return text(OrganisationMessages.class, key, locale, variant);
    }

    private static String text(Class<?> bundle, String key, Object locale, Object variant) {
        return ReadMostly.get(TEXTS, new Key(bundle, language(locale, variant).code(), key), BundleTexts::read);
    }

    /**
     * The template's language, found as message bundles find it: its {@code locale} attribute, else the locale of the
     * variant chosen for the request (pages rendered by Quarkus REST, from Accept-Language, see PageFilter), else
     * English.
     */
    private static Language language(Object locale, Object variant) {
        Object chosen = locale != null ? locale : variant instanceof Variant selected ? selected.getLocale() : null;
        Locale value = chosen instanceof Locale given ? given : Locale.forLanguageTag(String.valueOf(chosen));
        return Language.parse(value.getLanguage()).orElse(Language.EN);
    }

    private static String read(Key key) {
        Method message;
        try {
            message = key.bundle().getMethod(key.name());
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("No message without parameters named " + key.name() + " in "
                    + key.bundle().getSimpleName(), e);
        }
        Object bundle = key.language().equals(Language.EN.code()) ? MessageBundles.get(key.bundle())
                : MessageBundles.get(key.bundle(), Localized.Literal.of(key.language()));
        try {
            return (String) message.invoke(bundle);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not read message " + key.name(), e);
        }
    }
}
