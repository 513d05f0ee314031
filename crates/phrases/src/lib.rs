//! resolute-phrases
