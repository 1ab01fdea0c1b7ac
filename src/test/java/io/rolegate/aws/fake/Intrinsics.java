package io.rolegate.aws.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Evaluates CloudFormation intrinsic functions in a template value: {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::Join}, {@code Fn::If}, {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or},
 * {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap}, {@code Fn::Base64}, {@code Fn::ToJsonString};
 * {@code Ref AWS::NoValue} removes the property. Anything else is refused, so a template the stand-in cannot
 * evaluate fails loudly. (CloudFormation User Guide, "Intrinsic function reference", "Pseudo parameters".)
 */
final class Intrinsics {

    /** What references resolve to: parameters (pseudo parameters included), resources, conditions, mappings. */
    interface Context {
        /** A parameter's or pseudo parameter's value, or null if there is none of that name. */
        Object parameter(String name);

        /** A resource's physical ID ({@code Ref}); throws if the resource does not exist (yet). */
        String ref(String logicalId);

        /** A resource attribute ({@code Fn::GetAtt}). */
        Object attribute(String logicalId, String attribute);

        boolean condition(String name);

        Map<String, Object> mappings();
    }

    /** The value of {@code Ref AWS::NoValue}: the enclosing property disappears. */
    static final Object NO_VALUE = new Object();

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Intrinsics() {
    }

    static Object evaluate(Object node, Context context) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, map.values().iterator().next(), context);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                Object evaluated = evaluate(value, context);
                if (evaluated != NO_VALUE) {
                    result.put(String.valueOf(key), evaluated);
                }
            });
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (Object item : list) {
                Object evaluated = evaluate(item, context);
                if (evaluated != NO_VALUE) {
                    result.add(evaluated);
                }
            }
            return result;
        }
        return node;
    }

    /** A condition in the Conditions section: {@code Fn::Equals}, {@code Fn::And} … and {@code Condition} names. */
    static boolean condition(Object node, Context context) {
        if (node instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Condition")) {
            return context.condition(String.valueOf(map.get("Condition")));
        }
        Object value = evaluate(node, context);
        if (value instanceof Boolean bool) {
            return bool;
        }
        return "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static Object function(String name, Object argument, Context context) {
        return switch (name) {
            case "Ref" -> ref(String.valueOf(argument), context);
            case "Fn::GetAtt" -> getAtt(argument, context);
            case "Fn::Sub" -> sub(argument, context);
            case "Fn::Join" -> {
                List<?> args = list(name, argument, 2);
                List<?> values = (List<?>) evaluate(args.get(1), context);
                List<String> parts = new ArrayList<>();
                values.forEach(value -> parts.add(String.valueOf(value)));
                yield String.join(String.valueOf(args.get(0)), parts);
            }
            case "Fn::If" -> {
                List<?> args = list(name, argument, 3);
                yield evaluate(context.condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2), context);
            }
            case "Fn::Equals" -> {
                List<?> args = list(name, argument, 2);
                yield String.valueOf(evaluate(args.get(0), context)).equals(String.valueOf(evaluate(args.get(1), context)));
            }
            case "Fn::Not" -> !condition(list(name, argument, 1).get(0), context);
            case "Fn::And" -> list(name, argument, -1).stream().allMatch(c -> condition(c, context));
            case "Fn::Or" -> list(name, argument, -1).stream().anyMatch(c -> condition(c, context));
            case "Fn::Select" -> {
                List<?> args = list(name, argument, 2);
                int index = Integer.parseInt(String.valueOf(evaluate(args.get(0), context)));
                yield ((List<?>) evaluate(args.get(1), context)).get(index);
            }
            case "Fn::Split" -> {
                List<?> args = list(name, argument, 2);
                yield List.of(String.valueOf(evaluate(args.get(1), context)).split(Pattern.quote(String.valueOf(args.get(0))), -1));
            }
            case "Fn::FindInMap" -> {
                List<?> args = list(name, argument, 3);
                Object map = context.mappings().get(String.valueOf(evaluate(args.get(0), context)));
                Object top = map instanceof Map<?, ?> m ? m.get(String.valueOf(evaluate(args.get(1), context))) : null;
                Object value = top instanceof Map<?, ?> m ? m.get(String.valueOf(evaluate(args.get(2), context))) : null;
                if (value == null) {
                    throw new IllegalArgumentException("Template error: Fn::FindInMap found no value for " + args);
                }
                yield value;
            }
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(String.valueOf(evaluate(argument, context))
                    .getBytes(StandardCharsets.UTF_8));
            case "Fn::ToJsonString" -> {
                try {
                    yield JSON.writeValueAsString(evaluate(argument, context));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            default -> throw new IllegalArgumentException("FakeAws does not evaluate the intrinsic function " + name);
        };
    }

    private static Object ref(String name, Context context) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        Object parameter = context.parameter(name);
        return parameter != null ? parameter : context.ref(name);
    }

    private static Object getAtt(Object argument, Context context) {
        List<?> args = argument instanceof String text ? List.of(text.split("\\.", 2)) : list("Fn::GetAtt", argument, 2);
        return context.attribute(String.valueOf(args.get(0)), String.valueOf(evaluate(args.get(1), context)));
    }

    private static String sub(Object argument, Context context) {
        String template;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> args) {
            template = String.valueOf(args.get(0));
            if (args.size() > 1 && args.get(1) instanceof Map<?, ?> given) {
                given.forEach((key, value) -> variables.put(String.valueOf(key), evaluate(value, context)));
            }
        } else {
            template = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (!matcher.group(1).isEmpty()) {
                replacement = "${" + matcher.group(2) + "}";
            } else {
                String variable = matcher.group(2).trim();
                if (variables.containsKey(variable)) {
                    replacement = String.valueOf(variables.get(variable));
                } else if (context.parameter(variable) != null) {
                    replacement = String.valueOf(context.parameter(variable));
                } else if (variable.contains(".")) {
                    String[] parts = variable.split("\\.", 2);
                    replacement = String.valueOf(context.attribute(parts[0], parts[1]));
                } else {
                    replacement = context.ref(variable);
                }
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static List<?> list(String function, Object argument, int size) {
        if (!(argument instanceof List<?> list) || (size >= 0 && list.size() != size)) {
            throw new IllegalArgumentException("Template error: " + function + " needs a list"
                    + (size >= 0 ? " of " + size : "") + ", was " + argument);
        }
        return list;
    }

    /** The logical IDs a value refers to through Ref, Fn::GetAtt and Fn::Sub: the resources it depends on. */
    static Set<String> references(Object node) {
        Set<String> names = new LinkedHashSet<>();
        collect(node, names);
        return names;
    }

    private static void collect(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Object key = map.keySet().iterator().next();
                Object value = map.values().iterator().next();
                if ("Ref".equals(key)) {
                    names.add(String.valueOf(value));
                } else if ("Fn::GetAtt".equals(key)) {
                    names.add(value instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(value).split("\\.")[0]);
                } else if ("Fn::Sub".equals(key)) {
                    String template = String.valueOf(value instanceof List<?> list ? list.get(0) : value);
                    Matcher matcher = SUB_VARIABLE.matcher(template);
                    while (matcher.find()) {
                        if (matcher.group(1).isEmpty()) {
                            names.add(matcher.group(2).trim().split("\\.")[0]);
                        }
                    }
                }
            }
            map.values().forEach(value -> collect(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, names));
        }
    }
}
