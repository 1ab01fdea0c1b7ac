package io.rolegate.aws.fake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A customer's CloudFormation stack in the stand-in. Operations run in the background like CloudFormation's:
 * {@link FakeAws#launchStack} returns at once with {@code CREATE_IN_PROGRESS}; tests wait with
 * {@link #awaitCompletion(Duration)} or {@link #awaitRequest}. Resources are created in dependency order (Ref,
 * Fn::GetAtt, Fn::Sub, DependsOn) and deleted in reverse. Supported types: {@code AWS::IAM::Role} (created in the
 * fake IAM of the stack's account with its trust policy, inline {@code Policies} and {@code ManagedPolicyArns}) and
 * custom resources ({@code Custom::*}, {@code AWS::CloudFormation::CustomResource}) whose ServiceToken is an SNS
 * topic in the stack's region. A custom resource waits for the response PUT to its ResponseURL (one hour unless
 * {@link FakeAws#customResourceTimeout} says otherwise); a FAILED or invalid response fails the resource with the
 * response's Reason, and the stack rolls back: every resource created so far is deleted again, the failed custom
 * resource included (it receives a Delete request), as CloudFormation does.
 *
 * <p>Statuses follow CloudFormation: CREATE_IN_PROGRESS → CREATE_COMPLETE, or → ROLLBACK_IN_PROGRESS →
 * ROLLBACK_COMPLETE (ROLLBACK_FAILED if a rollback Delete fails); UPDATE_IN_PROGRESS →
 * UPDATE_COMPLETE_CLEANUP_IN_PROGRESS → UPDATE_COMPLETE, or → UPDATE_ROLLBACK_IN_PROGRESS →
 * UPDATE_ROLLBACK_COMPLETE; DELETE_IN_PROGRESS → DELETE_COMPLETE or DELETE_FAILED.
 */
public final class Stack {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::StackName",
            "AWS::StackId", "AWS::URLSuffix", "AWS::NotificationARNs");

    /** One resource of the stack as CloudFormation tracks it. */
    private static final class Resource {
        final String logicalId;
        final String type;
        Map<String, Object> properties;
        String physicalId;
        String roleArn;
        String roleId;
        Map<String, Object> data = Map.of();
        String status;
        boolean retain;

        Resource(String logicalId, String type) {
            this.logicalId = logicalId;
            this.type = type;
        }

        Resource copy() {
            Resource copy = new Resource(logicalId, type);
            copy.properties = properties;
            copy.physicalId = physicalId;
            copy.roleArn = roleArn;
            copy.roleId = roleId;
            copy.data = data;
            copy.status = status;
            copy.retain = retain;
            return copy;
        }

        boolean custom() {
            return type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource");
        }
    }

    /** Thrown inside an operation when a resource fails; the message is the resource's status reason. */
    private static final class ResourceFailure extends RuntimeException {
        ResourceFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    private final CloudFormation cloudFormation;
    private final FakeAws aws;
    private final String stackId;
    private final String name;
    private final String account;
    private final String region;
    private final String partition;

    // Everything below is guarded by this.
    private Map<String, Object> template;
    private Map<String, Object> parameters;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final List<CustomResourceCall> calls = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    /** Each resource's latest status and reason, kept after the resource is deleted. */
    private final Map<String, String[]> latest = new LinkedHashMap<>();
    private Map<String, String> outputs = Map.of();
    private String status = "CREATE_IN_PROGRESS";
    private String statusReason;

    Stack(CloudFormation cloudFormation, String stackId, String name, String account, String region,
            Map<String, Object> template, Map<String, String> given) {
        this.cloudFormation = cloudFormation;
        this.aws = cloudFormation.aws;
        this.stackId = stackId;
        this.name = name;
        this.account = account;
        this.region = region;
        this.partition = FakeAws.partitionOf(region);
        this.template = template;
        this.parameters = parameters(template, given, Map.of());
        checkResources(template);
        event(name, "CREATE_IN_PROGRESS", "User Initiated");
    }

    // ---- what tests read

    /** {@code arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/UUID}. */
    public String stackId() {
        return stackId;
    }

    public String stackName() {
        return name;
    }

    public String accountId() {
        return account;
    }

    public String region() {
        return region;
    }

    public synchronized String status() {
        return status;
    }

    /** Why the stack failed (the failed resources), null otherwise. */
    public synchronized String statusReason() {
        return statusReason;
    }

    /** A resource's latest status, e.g. {@code CREATE_COMPLETE}, or {@code DELETE_COMPLETE} after a rollback; null if never created. */
    public synchronized String resourceStatus(String logicalId) {
        String[] last = latest.get(logicalId);
        return last == null ? null : last[0];
    }

    /**
     * The reason of the resource's latest failure ({@code CREATE_FAILED}, {@code UPDATE_FAILED},
     * {@code DELETE_FAILED}), kept through the rollback: for a custom resource CloudFormation's sentence with the
     * response's Reason, e.g. {@code Received response status [FAILED] from custom resource. Message returned: …}.
     */
    public synchronized String failureReason(String logicalId) {
        String[] last = latest.get(logicalId);
        return last == null ? null : last[2];
    }

    /** The resource's physical ID (a role's name, a custom resource's PhysicalResourceId), null if none. */
    public synchronized String physicalResourceId(String logicalId) {
        Resource resource = resources.get(logicalId);
        return resource == null ? null : resource.physicalId;
    }

    /** The ARN of a role the stack created, null if none. */
    public synchronized String roleArn(String logicalId) {
        Resource resource = resources.get(logicalId);
        return resource == null ? null : resource.roleArn;
    }

    /** The stack's outputs once it is complete. */
    public synchronized Map<String, String> outputs() {
        return outputs;
    }

    /** The stack's events, oldest first, as {@code "LogicalId STATUS reason"}. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Every custom resource request the stack sent, oldest first. */
    public synchronized List<CustomResourceCall> customResourceCalls() {
        return List.copyOf(calls);
    }

    /** Waits until no operation is in progress and returns the status; an {@link AssertionError} after {@code timeout}. */
    public synchronized String awaitCompletion(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status.endsWith("_IN_PROGRESS")) {
            waitUntil(deadline, "the stack " + name + " to complete (" + status + ", " + events + ")");
        }
        return status;
    }

    /** Waits for the stack to send a request of this type for this resource and returns the latest such one. */
    public synchronized CustomResourceCall awaitRequest(String logicalId, String requestType, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = calls.size() - 1; i >= 0; i--) {
                CustomResourceCall call = calls.get(i);
                if (call.logicalResourceId().equals(logicalId) && call.requestType().equals(requestType)) {
                    return call;
                }
            }
            waitUntil(deadline, "a " + requestType + " request for " + logicalId + " (" + status + ", " + events + ")");
        }
    }

    /** Waits for the response to the latest request of this type for this resource. */
    public CustomResourceResponse awaitResponse(String logicalId, String requestType, Duration timeout) {
        long started = System.nanoTime();
        CustomResourceCall call = awaitRequest(logicalId, requestType, timeout);
        return call.awaitResponse(timeout.minusNanos(System.nanoTime() - started));
    }

    private void waitUntil(long deadline, String what) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError("timed out waiting for " + what);
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized void recordCall(CustomResourceCall call) {
        calls.add(call);
        notifyAll();
    }

    // ---- operations

    /** Creates the resources in dependency order; on a failure rolls back. Runs on the fake's executor. */
    void create() {
        Map<String, Object> resourceTemplates = section(template, "Resources");
        List<Resource> created = new ArrayList<>();
        try {
            for (String logicalId : order(template)) {
                Resource resource = new Resource(logicalId, type(resourceTemplates, logicalId));
                resource.retain = "Retain".equals(definition(resourceTemplates, logicalId).get("DeletionPolicy"));
                put(resource, "CREATE_IN_PROGRESS", null);
                created.add(resource);
                try {
                    createResource(resource, evaluatedProperties(logicalId));
                    put(resource, "CREATE_COMPLETE", null);
                } catch (ResourceFailure | IllegalArgumentException failure) {
                    put(resource, "CREATE_FAILED", failure.getMessage());
                    throw new ResourceFailure(failure.getMessage());
                }
            }
            finish("CREATE_COMPLETE", null);
        } catch (ResourceFailure | IllegalArgumentException failure) {
            setStatus("ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [" + failedIds() + "]. "
                    + "Rollback requested by user.");
            boolean clean = deleteAll(created);
            setStatus(clean ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED", statusReason());
        }
    }

    private void createResource(Resource resource, Map<String, Object> properties) {
        resource.properties = properties;
        if (resource.type.equals("AWS::IAM::Role")) {
            createRole(resource, properties);
        } else if (resource.custom()) {
            CustomResourceResponse response = request(resource, "Create", null, properties, null);
            resource.physicalId = response.physicalResourceId() != null ? response.physicalResourceId() : resource.logicalId;
            check(response);
            resource.data = response.data();
        } else {
            throw new ResourceFailure("FakeAws does not model resource type " + resource.type);
        }
    }

    private void createRole(Resource resource, Map<String, Object> properties) {
        String roleName = properties.containsKey("RoleName") ? String.valueOf(properties.get("RoleName"))
                : (name + "-" + resource.logicalId + "-" + FakeAws.random("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 12));
        if (roleName.length() > 64) {
            roleName = roleName.substring(0, 64);
        }
        String path = String.valueOf(properties.getOrDefault("Path", "/"));
        if (!ROLE_NAME.matcher(roleName).matches() || !path.startsWith("/") || !path.endsWith("/")) {
            throw new ResourceFailure("1 validation error detected: Value '" + roleName + "' at 'roleName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        String arn = "arn:" + partition + ":iam::" + account + ":role" + path + roleName;
        Policy[] documents = documents(properties);
        Duration maximum = Duration.ofSeconds(Long.parseLong(String.valueOf(properties.getOrDefault("MaxSessionDuration", "3600"))));
        try {
            resource.roleId = aws.createRole(arn, documents[0], documents[1], maximum);
        } catch (IllegalStateException exists) {
            throw new ResourceFailure("Resource of type 'AWS::IAM::Role' with identifier '" + roleName + "' already exists.");
        }
        resource.roleArn = arn;
        resource.physicalId = roleName;
    }

    /** The trust policy and all permission policies (inline and managed) as one document, validated like IAM. */
    private Policy[] documents(Map<String, Object> properties) {
        Object trust = properties.get("AssumeRolePolicyDocument");
        if (trust == null) {
            throw new ResourceFailure("Property AssumeRolePolicyDocument cannot be empty.");
        }
        try {
            Policy trustPolicy = Policy.parse(Policy.Kind.TRUST, json(trust));
            List<Object> statements = new ArrayList<>();
            if (properties.get("Policies") instanceof List<?> policies) {
                for (Object policy : policies) {
                    Object document = policy instanceof Map<?, ?> map ? map.get("PolicyDocument") : null;
                    if (document == null) {
                        throw new ResourceFailure("Property PolicyDocument cannot be empty.");
                    }
                    Policy.parse(Policy.Kind.PERMISSIONS, json(document));
                    addStatements(statements, document);
                }
            }
            if (properties.get("ManagedPolicyArns") instanceof List<?> arns) {
                for (Object arn : arns) {
                    String document = cloudFormation.managedPolicies.get(String.valueOf(arn));
                    if (document == null) {
                        throw new ResourceFailure("Policy " + arn + " does not exist or is not attachable.");
                    }
                    addStatements(statements, JSON.readValue(document, Map.class));
                }
            }
            Policy permissions = statements.isEmpty() ? null : Policy.parse(Policy.Kind.PERMISSIONS,
                    json(Map.of("Version", "2012-10-17", "Statement", statements)));
            return new Policy[] {trustPolicy, permissions};
        } catch (IllegalArgumentException | JsonProcessingException malformed) {
            throw new ResourceFailure(malformed.getMessage());
        }
    }

    private static void addStatements(List<Object> statements, Object document) {
        Object statement = document instanceof Map<?, ?> map ? map.get("Statement") : null;
        if (statement instanceof List<?> list) {
            statements.addAll(list);
        } else if (statement != null) {
            statements.add(statement);
        }
    }

    /** Sends the request and waits for its response; a missing response fails the resource after the timeout. */
    private CustomResourceResponse request(Resource resource, String requestType, String physicalId,
            Map<String, Object> properties, Map<String, Object> oldProperties) {
        String serviceToken = String.valueOf(properties.get("ServiceToken"));
        String topicRegion = CloudFormation.topicRegion(serviceToken);
        if (topicRegion == null) {
            throw new ResourceFailure("Invalid service token: FakeAws delivers custom resource requests to SNS topics only, "
                    + "was " + serviceToken);
        }
        if (!topicRegion.equals(region) || !Arns.partition(serviceToken).equals(partition)) {
            throw new ResourceFailure("Invalid service token: the SNS topic " + serviceToken
                    + " must be in the stack's region " + region);
        }
        if (!cloudFormation.topicExists(serviceToken)) {
            throw new ResourceFailure("Failed to publish to the SNS topic " + serviceToken + ": NotFound: Topic does not exist");
        }
        CustomResourceCall call = cloudFormation.send(this, requestType, resource.logicalId, resource.type, serviceToken,
                physicalId, stringified(properties), oldProperties == null ? null : stringified(oldProperties));
        Duration timeout = cloudFormation.timeout;
        if (properties.get("ServiceTimeout") != null) {
            Duration own = Duration.ofSeconds(Long.parseLong(String.valueOf(properties.get("ServiceTimeout"))));
            timeout = own.compareTo(timeout) < 0 ? own : timeout;
        }
        try {
            return call.response().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ResourceFailure("CloudFormation did not receive a response from your Custom Resource. Please check "
                    + "your logs for requestId [" + call.requestId() + "].");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceFailure("the stand-in stopped");
        } catch (ExecutionException e) {
            throw new ResourceFailure(String.valueOf(e.getCause()));
        }
    }

    /** A refused or FAILED response fails the resource with the text CloudFormation shows. */
    private static void check(CustomResourceResponse response) {
        if (response.problem() != null) {
            throw new ResourceFailure(response.problem());
        }
        if (!"SUCCESS".equals(response.status())) {
            throw new ResourceFailure("Received response status [FAILED] from custom resource. Message returned: "
                    + response.reason());
        }
    }

    /** Custom resource properties reach the provider with every scalar as a string, as CloudFormation sends them. */
    private static Map<String, Object> stringified(Map<String, Object> properties) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) stringify(properties);
        return result;
    }

    private static Object stringify(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, item) -> result.put(String.valueOf(key), stringify(item)));
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Stack::stringify).toList();
        }
        return String.valueOf(value);
    }

    /**
     * Deletes the resources in reverse order; returns false if one of them could not be deleted. A failed delete
     * stops there: the resources created before it (which it may depend on, like the role a custom resource names)
     * stay, as CloudFormation does not delete a resource that something still standing depends on.
     */
    private boolean deleteAll(List<Resource> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            Resource resource = created.get(i);
            synchronized (this) {
                if (!resources.containsKey(resource.logicalId) || resource.physicalId == null && !resource.custom()) {
                    resources.remove(resource.logicalId);
                    notifyAll();
                    continue;
                }
            }
            if (!deleteResource(resource)) {
                return false;
            }
        }
        return true;
    }

    /** Deletes one resource (a custom resource gets a Delete request); false if it failed. */
    private boolean deleteResource(Resource resource) {
        if (resource.retain) {
            put(resource, "DELETE_SKIPPED", null);
            remove(resource);
            return true;
        }
        put(resource, "DELETE_IN_PROGRESS", null);
        try {
            if (resource.custom()) {
                if (resource.physicalId != null) {
                    check(request(resource, "Delete", resource.physicalId, resource.properties, null));
                }
            } else if (resource.roleArn != null) {
                aws.removeRole(resource.roleArn);
            }
            put(resource, "DELETE_COMPLETE", null);
            remove(resource);
            return true;
        } catch (ResourceFailure failure) {
            put(resource, "DELETE_FAILED", failure.getMessage());
            return false;
        }
    }

    synchronized void startDelete() {
        if (status.endsWith("_IN_PROGRESS")) {
            throw new IllegalArgumentException("ValidationError: Stack " + name + " is in " + status + " state");
        }
        setStatus("DELETE_IN_PROGRESS", null);
        event(name, "DELETE_IN_PROGRESS", "User Initiated");
        List<Resource> live = new ArrayList<>(resources.values());
        aws.run(() -> {
            boolean clean = deleteAll(live);
            finish(clean ? "DELETE_COMPLETE" : "DELETE_FAILED", clean ? null
                    : "The following resource(s) failed to delete: [" + failedIds() + "]. ");
        });
    }

    synchronized void startUpdate(Map<String, Object> newTemplate, Map<String, String> given) {
        if (status.endsWith("_IN_PROGRESS") || status.startsWith("ROLLBACK_") || status.startsWith("DELETE_")) {
            throw new IllegalArgumentException("ValidationError: Stack:" + stackId + " is in " + status
                    + " state and can not be updated.");
        }
        checkResources(newTemplate);
        Map<String, Object> newParameters = parameters(newTemplate, given, parameters);
        Map<String, Object> oldTemplate = template;
        Map<String, Object> oldParameters = parameters;
        template = newTemplate;
        parameters = newParameters;
        setStatus("UPDATE_IN_PROGRESS", null);
        event(name, "UPDATE_IN_PROGRESS", "User Initiated");
        aws.run(() -> update(oldTemplate, oldParameters));
    }

    /**
     * Updates in dependency order: new resources are created, changed roles updated in place (replaced when
     * RoleName or Path changes), changed custom resources receive Update; unchanged ones nothing. Removed and
     * replaced resources are deleted in the cleanup phase. A failure restores the previous state.
     */
    private void update(Map<String, Object> oldTemplate, Map<String, Object> oldParameters) {
        Map<String, Resource> before = new LinkedHashMap<>();
        synchronized (this) {
            resources.forEach((id, resource) -> before.put(id, resource.copy()));
        }
        Map<String, Object> resourceTemplates = section(template, "Resources");
        List<Resource> created = new ArrayList<>();
        List<Resource> cleanup = new ArrayList<>();
        List<Resource> updated = new ArrayList<>();
        try {
            List<String> order = order(template);
            for (String logicalId : order) {
                Map<String, Object> properties = evaluatedProperties(logicalId);
                Resource existing;
                synchronized (this) {
                    existing = resources.get(logicalId);
                }
                String type = type(resourceTemplates, logicalId);
                if (existing == null) {
                    Resource resource = new Resource(logicalId, type);
                    resource.retain = "Retain".equals(definition(resourceTemplates, logicalId).get("DeletionPolicy"));
                    put(resource, "CREATE_IN_PROGRESS", null);
                    created.add(resource);
                    try {
                        createResource(resource, properties);
                    } catch (ResourceFailure failure) {
                        put(resource, "CREATE_FAILED", failure.getMessage());
                        throw failure;
                    }
                    put(resource, "CREATE_COMPLETE", null);
                    continue;
                }
                if (!existing.type.equals(type)) {
                    throw fail(existing, "Update of resource type is not permitted.");
                }
                if (Objects.equals(existing.properties, properties)) {
                    continue;
                }
                put(existing, "UPDATE_IN_PROGRESS", null);
                updated.add(existing);
                if (existing.type.equals("AWS::IAM::Role")) {
                    updateRole(existing, properties, cleanup);
                } else if (existing.custom()) {
                    if (!Objects.equals(existing.properties.get("ServiceToken"), properties.get("ServiceToken"))) {
                        throw fail(existing, "Modifying service token is not allowed.");
                    }
                    Map<String, Object> old = existing.properties;
                    existing.properties = properties;
                    CustomResourceResponse response;
                    try {
                        response = request(existing, "Update", existing.physicalId, properties, old);
                        check(response);
                    } catch (ResourceFailure failure) {
                        throw fail(existing, failure.getMessage());
                    }
                    if (!response.physicalResourceId().equals(existing.physicalId)) {
                        Resource replaced = existing.copy();
                        replaced.properties = old;
                        cleanup.add(replaced);
                    }
                    existing.physicalId = response.physicalResourceId();
                    existing.data = response.data();
                }
                put(existing, "UPDATE_COMPLETE", null);
            }
            synchronized (this) {
                for (Resource resource : resources.values()) {
                    if (!order.contains(resource.logicalId)) {
                        cleanup.add(resource);
                    }
                }
            }
            setStatus("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
            for (int i = cleanup.size() - 1; i >= 0; i--) {
                Resource old = cleanup.get(i);
                deleteReplaced(old);
            }
            finish("UPDATE_COMPLETE", null);
        } catch (ResourceFailure | IllegalArgumentException failure) {
            setStatus("UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [" + failedIds() + "]. ");
            synchronized (this) {
                template = oldTemplate;
                parameters = oldParameters;
            }
            boolean clean = rollBackUpdate(before, updated, created);
            setStatus(clean ? "UPDATE_ROLLBACK_COMPLETE" : "UPDATE_ROLLBACK_FAILED", statusReason());
        }
    }

    private ResourceFailure fail(Resource resource, String reason) {
        put(resource, "UPDATE_FAILED", reason);
        return new ResourceFailure(reason);
    }

    private void updateRole(Resource role, Map<String, Object> properties, List<Resource> cleanup) {
        Map<String, Object> old = role.properties;
        boolean replace = !Objects.equals(old.get("RoleName"), properties.get("RoleName"))
                || !Objects.equals(old.getOrDefault("Path", "/"), properties.getOrDefault("Path", "/"));
        if (replace) {
            Resource previous = role.copy();
            try {
                createRole(role, properties);
            } catch (ResourceFailure failure) {
                throw fail(role, failure.getMessage());
            }
            cleanup.add(previous);
        } else {
            Policy[] documents;
            try {
                documents = documents(properties);
            } catch (ResourceFailure failure) {
                throw fail(role, failure.getMessage());
            }
            aws.updateRole(role.roleArn, documents[0], documents[1], Duration.ofSeconds(
                    Long.parseLong(String.valueOf(properties.getOrDefault("MaxSessionDuration", "3600")))));
        }
        role.properties = properties;
    }

    /** Deletes what an update left behind: a replaced physical resource or a resource no longer in the template. */
    private void deleteReplaced(Resource old) {
        if (old.retain) {
            return;
        }
        if (old.custom()) {
            try {
                request(old, "Delete", old.physicalId, old.properties, null);
            } catch (ResourceFailure ignored) {
                // CloudFormation ignores cleanup failures: the update has already succeeded.
            }
        } else if (old.roleArn != null) {
            aws.removeRole(old.roleArn);
        }
        synchronized (this) {
            Resource current = resources.get(old.logicalId);
            if (current != null && Objects.equals(current.physicalId, old.physicalId) && !template(old.logicalId)) {
                resources.remove(old.logicalId);
            }
            notifyAll();
        }
        event(old.logicalId, "DELETE_COMPLETE", null);
    }

    private synchronized boolean template(String logicalId) {
        return section(template, "Resources").containsKey(logicalId);
    }

    /** Puts back what the update changed: roles' documents, custom resources (an Update back), new resources deleted. */
    private boolean rollBackUpdate(Map<String, Resource> before, List<Resource> updated, List<Resource> created) {
        boolean clean = true;
        for (int i = updated.size() - 1; i >= 0; i--) {
            Resource resource = updated.get(i);
            Resource previous = before.get(resource.logicalId);
            put(resource, "UPDATE_IN_PROGRESS", null);
            try {
                if (resource.type.equals("AWS::IAM::Role")) {
                    if (!Objects.equals(resource.roleArn, previous.roleArn)) {
                        aws.removeRole(resource.roleArn);
                    }
                    Policy[] documents = documents(previous.properties);
                    aws.updateRole(previous.roleArn, documents[0], documents[1], Duration.ofSeconds(
                            Long.parseLong(String.valueOf(previous.properties.getOrDefault("MaxSessionDuration", "3600")))));
                } else {
                    check(request(resource, "Update", resource.physicalId, previous.properties, resource.properties));
                }
                restore(resource, previous);
                put(resource, "UPDATE_COMPLETE", null);
            } catch (ResourceFailure failure) {
                put(resource, "UPDATE_FAILED", failure.getMessage());
                clean = false;
            }
        }
        for (int i = created.size() - 1; i >= 0; i--) {
            if (!deleteResource(created.get(i))) {
                clean = false;
            }
        }
        return clean;
    }

    private static void restore(Resource resource, Resource previous) {
        resource.properties = previous.properties;
        resource.physicalId = previous.physicalId;
        resource.roleArn = previous.roleArn;
        resource.roleId = previous.roleId;
        resource.data = previous.data;
    }

    // ---- template evaluation

    private Map<String, Object> evaluatedProperties(String logicalId) {
        Map<String, Object> definition;
        synchronized (this) {
            definition = definition(section(template, "Resources"), logicalId);
        }
        Object properties = definition.getOrDefault("Properties", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> evaluated = (Map<String, Object>) Intrinsics.evaluate(properties, context());
        return evaluated;
    }

    private Intrinsics.Context context() {
        return new Intrinsics.Context() {
            @Override
            public Object parameter(String parameterName) {
                return switch (parameterName) {
                    case "AWS::AccountId" -> account;
                    case "AWS::Region" -> region;
                    case "AWS::Partition" -> partition;
                    case "AWS::StackName" -> name;
                    case "AWS::StackId" -> stackId;
                    case "AWS::URLSuffix" -> FakeAws.dnsSuffix(partition);
                    case "AWS::NotificationARNs" -> List.of();
                    default -> {
                        synchronized (Stack.this) {
                            yield parameters.get(parameterName);
                        }
                    }
                };
            }

            @Override
            public String ref(String logicalId) {
                Resource resource = live(logicalId);
                return resource.physicalId;
            }

            @Override
            public Object attribute(String logicalId, String attribute) {
                Resource resource = live(logicalId);
                if (resource.type.equals("AWS::IAM::Role")) {
                    return switch (attribute) {
                        case "Arn" -> resource.roleArn;
                        case "RoleId" -> resource.roleId;
                        default -> throw new IllegalArgumentException("Template error: resource " + logicalId
                                + " does not support attribute type " + attribute + " in Fn::GetAtt");
                    };
                }
                Object value = resource.data.get(attribute);
                if (value == null) {
                    throw new ResourceFailure("CustomResource attribute error: Vendor response doesn't contain "
                            + attribute + " key in object " + stackId + "|" + logicalId);
                }
                return value;
            }

            @Override
            public boolean condition(String conditionName) {
                Object definition;
                synchronized (Stack.this) {
                    definition = section(template, "Conditions").get(conditionName);
                }
                if (definition == null) {
                    throw new IllegalArgumentException("Template error: unresolved condition dependency " + conditionName);
                }
                return Intrinsics.condition(definition, this);
            }

            @Override
            public Map<String, Object> mappings() {
                synchronized (Stack.this) {
                    return section(template, "Mappings");
                }
            }
        };
    }

    private synchronized Resource live(String logicalId) {
        Resource resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("Template format error: Unresolved resource dependencies [" + logicalId
                    + "] in the Resources block of the template");
        }
        return resource;
    }

    /** The resources whose Condition holds, each after everything it references or names in DependsOn. */
    private List<String> order(Map<String, Object> source) {
        Map<String, Object> resourceTemplates = section(source, "Resources");
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        Intrinsics.Context context = context();
        for (String logicalId : resourceTemplates.keySet()) {
            Map<String, Object> definition = definition(resourceTemplates, logicalId);
            Object condition = definition.get("Condition");
            if (condition != null && !context.condition(String.valueOf(condition))) {
                continue;
            }
            Set<String> needs = new LinkedHashSet<>(Intrinsics.references(definition.get("Properties")));
            Object dependsOn = definition.get("DependsOn");
            if (dependsOn instanceof List<?> list) {
                list.forEach(item -> needs.add(String.valueOf(item)));
            } else if (dependsOn != null) {
                needs.add(String.valueOf(dependsOn));
            }
            needs.retainAll(resourceTemplates.keySet());
            dependencies.put(logicalId, needs);
        }
        List<String> order = new ArrayList<>();
        Deque<String> visiting = new ArrayDeque<>();
        for (String logicalId : dependencies.keySet()) {
            visit(logicalId, dependencies, order, visiting);
        }
        return order;
    }

    private static void visit(String logicalId, Map<String, Set<String>> dependencies, List<String> order,
            Deque<String> visiting) {
        if (order.contains(logicalId)) {
            return;
        }
        if (visiting.contains(logicalId)) {
            throw new IllegalArgumentException("Template format error: Circular dependency between resources: " + visiting);
        }
        visiting.push(logicalId);
        for (String needed : dependencies.getOrDefault(logicalId, Set.of())) {
            if (dependencies.containsKey(needed)) {
                visit(needed, dependencies, order, visiting);
            }
        }
        visiting.pop();
        order.add(logicalId);
    }

    /** Parameter values as CloudFormation resolves them: given, else the previous value, else the default. */
    private static Map<String, Object> parameters(Map<String, Object> template, Map<String, String> given,
            Map<String, Object> previous) {
        Map<String, Object> declared = section(template, "Parameters");
        List<String> unknown = given.keySet().stream().filter(key -> !declared.containsKey(key)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("ValidationError: Parameters: " + unknown + " do not exist in the template");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        declared.forEach((parameterName, definition) -> {
            Map<?, ?> spec = definition instanceof Map<?, ?> map ? map : Map.of();
            Object value = given.containsKey(parameterName) ? given.get(parameterName)
                    : previous.containsKey(parameterName) ? previous.get(parameterName) : spec.get("Default");
            if (value == null) {
                missing.add(parameterName);
                return;
            }
            String text = String.valueOf(value);
            if (spec.get("AllowedValues") instanceof List<?> allowed
                    && allowed.stream().map(String::valueOf).noneMatch(text::equals)) {
                throw new IllegalArgumentException("ValidationError: Parameter '" + parameterName
                        + "' must be one of AllowedValues");
            }
            if (spec.get("AllowedPattern") != null && !text.matches(String.valueOf(spec.get("AllowedPattern")))) {
                throw new IllegalArgumentException("ValidationError: Parameter '" + parameterName
                        + "' must match pattern " + spec.get("AllowedPattern"));
            }
            values.put(parameterName, "CommaDelimitedList".equals(spec.get("Type")) ? List.of(text.split(",", -1)) : text);
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("ValidationError: Parameters: " + missing + " must have values");
        }
        return values;
    }

    private static void checkResources(Map<String, Object> template) {
        Map<String, Object> resources = section(template, "Resources");
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("ValidationError: Template format error: At least one Resources member "
                    + "must be defined.");
        }
        for (String logicalId : resources.keySet()) {
            String type = type(resources, logicalId);
            if (!type.equals("AWS::IAM::Role") && !type.startsWith("Custom::")
                    && !type.equals("AWS::CloudFormation::CustomResource")) {
                throw new IllegalArgumentException("FakeAws does not model resource type " + type + " (" + logicalId + ")");
            }
        }
        for (String pseudo : PSEUDO) {
            if (section(template, "Parameters").containsKey(pseudo)) {
                throw new IllegalArgumentException("ValidationError: Template format error: " + pseudo + " is reserved");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> template, String section) {
        Object value = template.get(section);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definition(Map<String, Object> resources, String logicalId) {
        Object value = resources.get(logicalId);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    private static String type(Map<String, Object> resources, String logicalId) {
        return String.valueOf(definition(resources, logicalId).get("Type"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- state changes

    private synchronized void put(Resource resource, String resourceStatus, String reason) {
        resource.status = resourceStatus;
        String[] previous = latest.get(resource.logicalId);
        latest.put(resource.logicalId, new String[] {resourceStatus, reason,
                resourceStatus.endsWith("_FAILED") ? reason : previous == null ? null : previous[2]});
        resources.put(resource.logicalId, resource);
        event(resource.logicalId, resourceStatus, reason);
        notifyAll();
    }

    private synchronized void remove(Resource resource) {
        if (resources.get(resource.logicalId) == resource) {
            resources.remove(resource.logicalId);
        }
        notifyAll();
    }

    private synchronized String failedIds() {
        return String.join(", ", resources.values().stream().filter(r -> r.status != null && r.status.endsWith("_FAILED"))
                .map(r -> r.logicalId).toList());
    }

    private synchronized void setStatus(String newStatus, String reason) {
        status = newStatus;
        statusReason = reason;
        event(name, newStatus, reason);
        notifyAll();
    }

    private synchronized void finish(String newStatus, String reason) {
        if (newStatus.equals("CREATE_COMPLETE") || newStatus.equals("UPDATE_COMPLETE")) {
            Map<String, String> values = new LinkedHashMap<>();
            section(template, "Outputs").forEach((outputName, definition) -> {
                Object value = definition instanceof Map<?, ?> map ? map.get("Value") : null;
                values.put(outputName, String.valueOf(Intrinsics.evaluate(value, context())));
            });
            outputs = values;
        }
        setStatus(newStatus, reason);
    }

    private synchronized void event(String logicalId, String eventStatus, String reason) {
        events.add(logicalId + " " + eventStatus + (reason == null ? "" : " " + reason));
    }

    @Override
    public synchronized String toString() {
        return stackId + " " + status;
    }
}
