package io.rolegate.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rolegate.connection.Partition;

/**
 * The parts of IAM's policy grammar Rolegate relies on, checked independently of the policy builder
 * (which writes whatever it is given). Returns the problems found; none means the document is good.
 */
final class IamGrammar {

    enum Kind { TRUST, PERMISSION }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
            "Resource", "NotResource", "Condition");
    private static final Set<String> ACTIONS = Set.of("sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession",
            "s3:ListBucket", "s3:ListBucketVersions", "s3:GetObject", "s3:GetObjectVersion", "s3:GetBucketLocation", "kms:Decrypt");
    private static final Set<String> BASE_OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
            "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
            "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
            "ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike");
    private static final Set<String> CONDITION_KEYS = Set.of("sts:ExternalId", "s3:prefix", "kms:ViaService");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");

    private IamGrammar() {
    }

    static List<String> check(String json, Kind kind, Partition partition) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return List.of("a policy is a JSON object");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                problems.add("unknown top-level element " + name);
            }
        });
        if (!"2012-10-17".equals(root.path("Version").asText(null))) {
            problems.add("Version must be 2012-10-17");
        }
        JsonNode statements = root.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isObject()) {
            list.add(statements);
        } else if (statements.isArray() && !statements.isEmpty()) {
            statements.forEach(list::add);
        } else {
            problems.add("Statement must be an object or a non-empty array");
        }
        Set<String> sids = new HashSet<>();
        for (JsonNode statement : list) {
            statement(statement, kind, partition, sids, problems);
        }
        return problems;
    }

    private static void statement(JsonNode statement, Kind kind, Partition partition, Set<String> sids, List<String> problems) {
        if (!statement.isObject()) {
            problems.add("a statement is an object");
            return;
        }
        statement.fieldNames().forEachRemaining(name -> {
            if (!STATEMENT_KEYS.contains(name)) {
                problems.add("unknown statement element " + name);
            }
        });
        if (statement.has("Sid")) {
            String sid = statement.get("Sid").asText("");
            if (!statement.get("Sid").isTextual() || !SID.matcher(sid).matches()) {
                problems.add("Sid must be letters and digits: " + sid);
            } else if (!sids.add(sid)) {
                problems.add("duplicate Sid " + sid);
            }
        }
        String effect = statement.path("Effect").asText(null);
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            problems.add("Effect must be Allow or Deny: " + effect);
        }
        if (statement.has("Action") == statement.has("NotAction")) {
            problems.add("exactly one of Action and NotAction");
        }
        for (String action : strings(statement.has("Action") ? statement.get("Action") : statement.path("NotAction"), "Action", problems)) {
            if (!ACTION.matcher(action).matches() || !ACTIONS.contains(action)) {
                problems.add("unknown action " + action);
            }
        }
        if (kind == Kind.TRUST) {
            if (statement.has("Resource") || statement.has("NotResource")) {
                problems.add("a trust policy names no Resource");
            }
            principal(statement.path("Principal"), partition, problems);
        } else {
            if (statement.has("Principal") || statement.has("NotPrincipal")) {
                problems.add("an identity policy names no Principal");
            }
            if (!statement.has("Resource")) {
                problems.add("a permission statement needs a Resource");
            }
            for (String arn : strings(statement.path("Resource"), "Resource", problems)) {
                if (!resourceArn(arn, partition)) {
                    problems.add("not an S3 or KMS key ARN of partition " + partition.id() + ": " + arn);
                }
            }
        }
        if (statement.has("Condition")) {
            condition(statement.get("Condition"), problems);
        }
    }

    private static void principal(JsonNode principal, Partition partition, List<String> problems) {
        if (!principal.isObject() || principal.isEmpty()) {
            problems.add("a trust statement needs a Principal object");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = principal.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getKey().equals("AWS")) {
                problems.add("unexpected principal type " + entry.getKey());
            }
            Pattern arn = Pattern.compile("arn:" + Pattern.quote(partition.id())
                    + ":iam::[0-9]{12}:(root|(role|user)(/|/[\\x21-\\x7E]{0,510}/)[\\w+=,.@-]{1,64})");
            for (String value : strings(entry.getValue(), "Principal", problems)) {
                if (!arn.matcher(value).matches()) {
                    problems.add("not an IAM principal of partition " + partition.id() + ": " + value);
                }
            }
        }
    }

    private static void condition(JsonNode condition, List<String> problems) {
        if (!condition.isObject() || condition.isEmpty()) {
            problems.add("Condition must be a non-empty object");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> operator = operators.next();
            if (!knownOperator(operator.getKey())) {
                problems.add("unknown condition operator " + operator.getKey());
            }
            if (!operator.getValue().isObject() || operator.getValue().isEmpty()) {
                problems.add("condition operator " + operator.getKey() + " needs a key/value object");
                continue;
            }
            operator.getValue().fields().forEachRemaining(key -> {
                if (!CONDITION_KEYS.contains(key.getKey())) {
                    problems.add("unexpected condition key " + key.getKey());
                }
                strings(key.getValue(), key.getKey(), problems);
            });
        }
    }

    private static boolean knownOperator(String operator) {
        if (operator.equals("Null")) {
            return true;
        }
        String base = operator.replaceFirst("^(ForAllValues|ForAnyValue):", "");
        base = base.endsWith("IfExists") ? base.substring(0, base.length() - "IfExists".length()) : base;
        return BASE_OPERATORS.contains(base);
    }

    private static boolean resourceArn(String arn, Partition partition) {
        String p = Pattern.quote(partition.id());
        return Pattern.matches("arn:" + p + ":s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?", arn)
                || Pattern.matches("arn:" + p + ":kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-z-]+", arn);
    }

    /** A string or a non-empty array of strings, as IAM allows for most elements. */
    private static List<String> strings(JsonNode node, String element, List<String> problems) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(item -> {
                if (item.isTextual()) {
                    values.add(item.asText());
                } else {
                    problems.add(element + " values must be strings");
                }
            });
        } else if (!node.isMissingNode()) {
            problems.add(element + " must be a string or a non-empty array of strings");
        }
        return values;
    }
}
