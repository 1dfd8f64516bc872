package com.kyckeeper.customer;

import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.FieldRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The history side of a profile: a kept version's encrypted snapshot (bound to customer and version) and the
 * names of the fields that differ between two versions.
 */
@Component
class CustomerSnapshots {

    private final FieldCipher cipher;
    private final ObjectMapper json;

    CustomerSnapshots(FieldCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    static FieldRef field(String customerId, long version) {
        CustomerColumn c = CustomerColumn.SNAPSHOT;
        return new FieldRef(c.table.sqlName, c.column, customerId + "#" + version);
    }

    String snapshot(String customerId, long version, CustomerProfile profile) {
        return cipher.encrypt(customerId, field(customerId, version), json.writeValueAsString(profile));
    }

    CustomerProfile read(VersionRecord v) {
        String plain = cipher.decrypt(v.customerId, field(v.customerId, v.version), v.snapshotCt);
        return json.readValue(plain, CustomerProfile.class);
    }

    /**
     * Names (dotted paths, never values) of the profile fields that differ between two versions; a list of
     * related parties counts as one field. Empty when there is no earlier version.
     */
    List<String> changedFields(CustomerProfile before, CustomerProfile after) {
        if (before == null || after == null) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        diff("", json.valueToTree(before), json.valueToTree(after), changed);
        return changed;
    }

    private static void diff(String prefix, JsonNode before, JsonNode after, List<String> changed) {
        Set<String> names = new LinkedHashSet<>(before.propertyNames());
        names.addAll(after.propertyNames());
        for (String name : names) {
            JsonNode a = before.get(name);
            JsonNode b = after.get(name);
            boolean aAbsent = a == null || a.isNull();
            boolean bAbsent = b == null || b.isNull();
            if ("type".equals(name) && prefix.isEmpty() || aAbsent && bAbsent || !aAbsent && a.equals(b)) {
                continue;
            }
            if (!aAbsent && !bAbsent && a.isObject() && b.isObject()) {
                diff(prefix + name + ".", a, b, changed);
            } else {
                changed.add(prefix + name);
            }
        }
    }
}
