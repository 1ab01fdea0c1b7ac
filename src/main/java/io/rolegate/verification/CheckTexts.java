package io.rolegate.verification;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/** Looks up check texts by key in a language, for answers that are not rendered by a template (JSON). */
@ApplicationScoped
class CheckTexts {

    private final Template lookup;
    private final Template fixLookup;
    private final Template retryLookup;

    CheckTexts(Engine engine) {
        this.lookup = engine.parse("{check:message(key)}");
        this.fixLookup = engine.parse("{check:message(fix.key, fix.facts)}");
        this.retryLookup = engine.parse("{check:propagation_retry(seconds)}");
    }

    String text(String key, Locale locale) {
        return lookup.instance().data("key", key).setLocale(locale).render();
    }

    /** What AssumeRole answered while it is retried for IAM propagation, with the seconds it is still retried. */
    String propagationRetry(long seconds, Locale locale) {
        return retryLookup.instance().data("seconds", seconds).setLocale(locale).render();
    }

    /** A step's fix with the facts it names. */
    String fix(StepFix fix, Locale locale) {
        return fixLookup.instance().data("fix", fix).setLocale(locale).render();
    }
}
