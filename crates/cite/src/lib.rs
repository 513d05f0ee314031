//! resolute-cite
