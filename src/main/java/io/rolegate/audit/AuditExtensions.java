package io.rolegate.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateExtension;

/** What templates read of an audit event to put it into words (see {@code templates/tags/auditDetail.html}). */
@TemplateExtension
public class AuditExtensions {

    /** One changed field of a {@link AuditAction#CONNECTION_EDITED} event: its bundle key, the values before and after. */
    public record Change(String fieldKey, String before, String after) {
    }

    /** Whether Rolegate itself did it (a check ending, a scheduled re-check). */
    static boolean bySystem(AuditEvent event) {
        return event.actorId == null && AuditTrail.SYSTEM.equals(event.actor);
    }

    /** The name of the API token that did it, or null when a person or the system did. */
    static String apiToken(AuditEvent event) {
        return event.actorId == null && event.actor != null && event.actor.startsWith(AuditTrail.API_TOKEN_PREFIX)
                ? event.actor.substring(AuditTrail.API_TOKEN_PREFIX.length()) : null;
    }

    /** The name of the CloudFormation stack whose registration did it, or null. */
    static String stack(AuditEvent event) {
        return event.actorId == null && event.actor != null && event.actor.startsWith(AuditTrail.STACK_PREFIX)
                ? event.actor.substring(AuditTrail.STACK_PREFIX.length()) : null;
    }

    /** Bundle key of the event's action name; {@code action_unknown} for an action this version does not know. */
    static String actionKey(AuditEvent event) {
        return AuditAction.fromId(event.action).map(AuditAction::messageKey).orElse("action_unknown");
    }

    /** Whether the event's parameters are stored apart, so that its detail can be written in any language. */
    static boolean structured(AuditEvent event) {
        return event.detailArgs != null
                && AuditAction.fromId(event.action).filter(action -> action.readable(event.detailArgs)).isPresent();
    }

    /** Parameter {@code index}, or empty when the event has fewer. */
    static String arg(AuditEvent event, int index) {
        return event.detailArgs != null && index < event.detailArgs.length && event.detailArgs[index] != null
                ? event.detailArgs[index] : "";
    }

    /** {@code prefix} and parameter {@code index}: the bundle key of a stored value such as a status or an outcome. */
    static String argKey(AuditEvent event, int index, String prefix) {
        return prefix + arg(event, index);
    }

    /** The fields a {@link AuditAction#CONNECTION_EDITED} event changed, in the order stored. */
    static List<Change> changes(AuditEvent event) {
        List<Change> changes = new ArrayList<>();
        for (int field = 0; field + 2 < (event.detailArgs == null ? 0 : event.detailArgs.length); field += 3) {
            changes.add(new Change("edited_" + arg(event, field), arg(event, field + 1), arg(event, field + 2)));
        }
        return changes;
    }

    /** All parameters, separated by spaces (the codes of a {@link AuditAction#CONNECTION_TRUST_DIAGNOSED} event). */
    static String argsJoined(AuditEvent event) {
        return event.detailArgs == null ? "" : String.join(" ", event.detailArgs);
    }

    /** Parameter {@code index} read as an instant, or null when it is not one. */
    static Instant instantArg(AuditEvent event, int index) {
        try {
            return Instant.parse(arg(event, index));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
