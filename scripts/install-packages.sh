#!/usr/bin/env bash
# Installs the Debian packages Sesame's demo and test tiers use (servers run on loopback only, started by
# the tests or the demo themselves). Needs root; installs only what is missing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(
  slapd ldap-utils openssl                  # OpenLDAP with ppolicy: demo, integration, e2e
  samba winbind                             # Active Directory domain controller: integration
  krb5-user krb5-kdc krb5-admin-server      # MIT Kerberos: kpasswd integration
  chromium fonts-dejavu-core                # e2e and the demo's app window
  libxml2-utils                             # ADMX/ADML validation
  msitools wixl wine wine64                 # MSI build and install under wine
  gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64  # stand-in Electron executable for packaging tests
  gnutls-bin
)
# Keep packages from starting their own services (a system slapd on :389, smbd...).
if [ ! -f /usr/sbin/policy-rc.d ] || ! grep -q 'exit 101' /usr/sbin/policy-rc.d; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
fi
need=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Stray system services from an earlier install would hold the LDAP and AD ports.
pkill -x slapd 2>/dev/null || true
