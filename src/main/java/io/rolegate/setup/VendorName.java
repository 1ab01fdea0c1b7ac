package io.rolegate.setup;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.rolegate.aws.VendorConfig;
import io.rolegate.web.Forms;

/**
 * How pages name the vendor to its customers, {@code rolegate.vendor.display-name} (README, "Configuration"): a
 * revocation is "by an administrator of {name}" (PRODUCT §6), never by a staff member's e-mail address. Unset, the
 * pages say "your service provider" in the reader's language (templates/tags/vendorStaff.html).
 */
@ApplicationScoped
@Named("vendorName")
public class VendorName {

    private final Optional<String> configured;

    VendorName(VendorConfig vendor) {
        this.configured = vendor.displayName().map(Forms::strip).filter(name -> !name.isEmpty());
    }

    /** The configured name, or null when none is set. */
    public String value() {
        return configured.orElse(null);
    }
}
