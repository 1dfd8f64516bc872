package com.kyckeeper.customer.web;

import com.kyckeeper.customer.CustomerDetails;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerProfile;
import com.kyckeeper.customer.CustomerRegistry;
import com.kyckeeper.customer.CustomerVersion;
import com.kyckeeper.customer.DocumentType;
import com.kyckeeper.customer.MaskedCustomer;
import com.kyckeeper.customer.ReverificationDue;
import com.kyckeeper.customer.VerificationDecision;
import com.kyckeeper.shared.HeaderText;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.PreconditionRequiredException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Customers part of api.md. Thin: parsing and mapping only; rules live in the registry. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final CustomerRegistry registry;
    private final ObjectMapper json;

    CustomerController(CustomerRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<MaskedCustomer> register(@RequestBody CustomerProfile profile) {
        MaskedCustomer created = registry.register(profile);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .eTag(etag(created.version())).body(created);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable String id, @RequestParam(defaultValue = "false") boolean reveal,
                          @RequestHeader(name = "X-Access-Purpose", required = false) String purpose) {
        CustomerId customerId = CustomerId.parse(id);
        if (!reveal) {
            MaskedCustomer c = registry.find(customerId);
            return ResponseEntity.ok().eTag(etag(c.version())).body(c);
        }
        // raw UTF-8 and RFC 8187 both decoded; a missing purpose is refused (and logged) by the registry
        CustomerDetails d = registry.reveal(customerId, HeaderText.decode(purpose));
        return ResponseEntity.ok().eTag(etag(d.version())).header("Cache-Control", "no-store").body(fullView(d));
    }

    @GetMapping
    List<MaskedCustomer> lookup(@RequestParam(required = false) DocumentType idType,
                                @RequestParam(required = false) String idNumber,
                                @RequestParam(required = false) String creditCode) {
        if (creditCode != null && idType == null && idNumber == null) {
            return registry.findByCreditCode(creditCode);
        }
        if (creditCode == null && idType != null && idNumber != null) {
            return registry.findByDocument(idType, idNumber);
        }
        throw new InvalidInputException(idType == null ? "idType" : idNumber == null ? "idNumber" : "creditCode",
                "look up by idType and idNumber, or by creditCode alone");
    }

    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<MaskedCustomer> change(@PathVariable String id,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          @RequestBody JsonNode patch) {
        CustomerId customerId = CustomerId.parse(id);
        long expected = version(ifMatch);
        if (!(patch instanceof ObjectNode patchObject)) {
            throw new InvalidInputException("body", "must be a JSON merge patch object");
        }
        MaskedCustomer changed = registry.change(customerId, expected, current -> merge(current, patchObject));
        return ResponseEntity.ok().eTag(etag(changed.version())).body(changed);
    }

    /** Newest first; without page and size the first 1,000 versions, as before paging (X-Total-Count: all). */
    @GetMapping("/{id}/history")
    ResponseEntity<List<CustomerVersion>> history(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + CustomerRegistry.MAX_HISTORY_PAGE) int size) {
        CustomerRegistry.HistoryPage p = registry.history(CustomerId.parse(id), page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(p.total())).body(p.versions());
    }

    record VerificationRequest(VerificationDecision decision, String note) {
    }

    @PostMapping("/{id}/verification")
    MaskedCustomer verify(@PathVariable String id, @RequestBody VerificationRequest request) {
        return registry.verify(CustomerId.parse(id), request.decision(), request.note());
    }

    @GetMapping("/reverification-due")
    List<ReverificationDue> reverificationDue(@RequestParam(defaultValue = "30") int within) {
        return registry.reverificationDue(within);
    }

    record ClosureRequest(LocalDate endedOn) {
    }

    @PostMapping("/{id}/closure")
    MaskedCustomer close(@PathVariable String id, @RequestBody ClosureRequest request) {
        return registry.close(CustomerId.parse(id), request.endedOn());
    }

    /** RFC 7396 merge of the patch into the current profile, then bound again (and validated by the registry). */
    private CustomerProfile merge(CustomerProfile current, ObjectNode patch) {
        ObjectNode target = json.valueToTree(current);
        mergeInto(target, patch);
        try {
            return json.treeToValue(target, CustomerProfile.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(com.kyckeeper.web.JsonProblems.violationOf(e)));
        }
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value instanceof ObjectNode obj && target.get(field.getKey()) instanceof ObjectNode existing) {
                mergeInto(existing, obj);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    private Map<String, Object> fullView(CustomerDetails d) {
        ObjectNode view = json.createObjectNode();
        view.put("id", d.id().toString());
        view.setAll((ObjectNode) json.valueToTree(d.profile()));
        view.put("status", d.status().name());
        view.put("version", d.version());
        ObjectNode meta = json.valueToTree(new Meta(d.createdAt(), d.createdBy(), d.updatedAt(), d.updatedBy(),
                d.verifiedAt(), d.verifiedBy(), d.verificationNote(), d.closedOn()));
        view.setAll(meta);
        return json.treeToValue(view, Map.class);
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Meta(java.time.OffsetDateTime createdAt, String createdBy, java.time.OffsetDateTime updatedAt,
                String updatedBy, java.time.OffsetDateTime verifiedAt, String verifiedBy, String verificationNote,
                LocalDate closedOn) {
    }

    private static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("Send If-Match with the version you changed");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        if (!v.matches("\\d{1,18}")) {
            throw new InvalidInputException("If-Match", "must be the record version");
        }
        return Long.parseLong(v);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
