package io.rolegate.verification;

import java.util.ArrayList;
import java.util.List;

import io.rolegate.connection.GrantedBucket;

/**
 * Where a step sits in a check. Positions are fixed by the plan, so steps that run concurrently
 * never compete for one and the page lists them in the order of PRODUCT §5.
 */
record StepSlot(int position, String name, String resource) {

    static final String ROLE_ARN = "role-arn";
    static final String ASSUME_ROLE = "assume-role";
    static final String PROBE_WITHOUT_EXTERNAL_ID = "probe-without-external-id";
    static final String PROBE_WRONG_EXTERNAL_ID = "probe-wrong-external-id";
    static final String CALLER_IDENTITY = "caller-identity";
    static final String BUCKET_LOCATION = "bucket-location";
    static final String LIST_OBJECTS = "list-objects";
    static final String READ_OBJECT = "read-object";

    static final StepSlot ARN = new StepSlot(1, ROLE_ARN, null);
    static final StepSlot ASSUME = new StepSlot(2, ASSUME_ROLE, null);
    static final StepSlot PROBE_WITHOUT = new StepSlot(3, PROBE_WITHOUT_EXTERNAL_ID, null);
    static final StepSlot PROBE_WRONG = new StepSlot(4, PROBE_WRONG_EXTERNAL_ID, null);
    static final StepSlot IDENTITY = new StepSlot(5, CALLER_IDENTITY, null);

    /** The three steps of the bucket at {@code index} in the connection's list. */
    static StepSlot bucket(int index, int step, String name, String resource) {
        return new StepSlot(6 + 3 * index + step, name, resource);
    }

    /** Every step of a check of these buckets, in position order (PRODUCT §5). */
    static List<StepSlot> planned(List<GrantedBucket> buckets) {
        List<StepSlot> slots = new ArrayList<>(List.of(ARN, ASSUME, PROBE_WITHOUT, PROBE_WRONG, IDENTITY));
        for (int index = 0; index < buckets.size(); index++) {
            String resource = buckets.get(index).display();
            slots.add(bucket(index, 0, BUCKET_LOCATION, resource));
            slots.add(bucket(index, 1, LIST_OBJECTS, resource));
            slots.add(bucket(index, 2, READ_OBJECT, resource));
        }
        return slots;
    }

    /** Message key of a step's name, e.g. {@code step_assume_role}. */
    static String nameKey(String name) {
        return "step_" + name.replace('-', '_');
    }
}
