package io.rolegate.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one check every text input of a page or API request passes before a resource method sees it: each query
 * parameter, form field and string of a JSON body is held to {@link TextInput}'s rules (the sign-in form, which
 * is not a resource, is held to them by {@link LoginInput}). Refused input reaches only a method marked
 * {@link HandlesRefusedInput}, and then blank, so that it is never stored or shown again, with
 * {@link RefusedInput} saying which and why; for any other method the request ends here with {@link InputRefused}.
 */
public class InputEdge {

    // Raw control characters inside a JSON string are a syntax error; read them anyway to name the member.
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private final RefusedInput refused;

    InputEdge(RefusedInput refused) {
        this.refused = refused;
    }

    /**
     * After the form is read and before the method runs: every query parameter and form field, and the body when
     * it is JSON (read whole, then given back to the method). Throws {@link InputRefused} as described above.
     */
    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext routing, ResourceInfo resource)
            throws IOException {
        for (String name : List.copyOf(routing.queryParams().names())) {
            TextInput.problem(name, routing.queryParam(name)).ifPresent(problem -> {
                refused.add(name, problem);
                routing.queryParams().set(name, "");
            });
        }
        boolean queryRepeated = refused.has(TextInput.Problem.REPEATED);
        FormData form = request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                ? context.getFormData() : null;
        if (form != null) {
            checkForm(form);
        }
        if (request.hasEntity() && isJson(request.getMediaType())) {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            checkJson(body);
        }
        if (queryRepeated || refused.any() && !resource.getResourceMethod().isAnnotationPresent(HandlesRefusedInput.class)) {
            throw refused.first().orElseThrow();
        }
    }

    private void checkForm(FormData form) {
        List<String> names = new ArrayList<>();
        form.forEach(names::add);
        for (String name : names) {
            List<String> values = form.get(name).stream().filter(value -> !value.isFileItem()).map(FormValue::getValue)
                    .toList();
            TextInput.problem(name, values).ifPresent(problem -> {
                refused.add(name, problem);
                form.remove(name);
                form.add(name, "");
            });
        }
    }

    /** Every string and member name of the body; a member that appears twice in one object is a repeated parameter. */
    private void checkJson(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            Deque<Set<String>> members = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> members.push(new HashSet<>());
                    case END_OBJECT -> members.pop();
                    case FIELD_NAME -> {
                        if (!members.isEmpty() && !members.peek().add(parser.currentName())) {
                            refused.add(path(parser), TextInput.Problem.REPEATED);
                        }
                        check(path(parser), parser.currentName());
                    }
                    case VALUE_STRING -> check(path(parser), parser.getText());
                    default -> {
                        // numbers, booleans, null and arrays carry no text
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // Malformed JSON: the body reader answers it with the API's own 400.
        }
    }

    private void check(String path, String value) {
        String member = path.substring(path.lastIndexOf('/') + 1);
        TextInput.problem(member, List.of(value)).ifPresent(problem -> refused.add(path, problem));
    }

    /** The member as a JSON Pointer without its leading slash: {@code name}, {@code items/0/purpose}. */
    private static String path(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "" : pointer.substring(1);
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"));
    }
}
