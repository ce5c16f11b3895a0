#!/usr/bin/env bash
# Builds the root of Rapport's container image without a registry or a Docker daemon: a Java runtime made with
# jlink from the build machine's JDK, the few shared libraries it loads (glibc, libz, libstdc++ …, copied from the
# build machine), a non-root user, and the /data folder. Jib layers this under the application (see bot-app/pom.xml).
# Usage: deploy/image/runtime.sh <java.home> <output folder>
set -euo pipefail
java_home="$1"
out="$2"
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.unsupported,jdk.zipfs"

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/data" "$out/tmp" "$out/proc"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$out/opt/java"

# The libraries the runtime loads, except the windowing ones a server never touches.
libs=$(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
         ! -name 'libawt_xawt.so' ! -name 'libjawt.so' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' \
         ! -name 'libfontmanager.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libmlib_image.so' \
       -exec ldd {} \; 2>/dev/null | awk '/=>/ && $3 ~ /^\// {print $3} /^\t\/.*ld-linux/ {print $1}' | sort -u)
for lib in $libs; do
  case "$lib" in "$out"/*) continue ;; esac # the runtime's own libraries are in place already
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
# glibc's companions that libraries loaded at run time need (sqlite-jdbc unpacks its own native library; name
# lookups go through NSS), taken from where the build machine's libc lives.
libdir=$(dirname "$(ldd "$out/opt/java/bin/java" | awk '/libc.so/ {print $3}')")
for lib in libpthread.so.0 libdl.so.2 librt.so.1 libresolv.so.2 libnss_files.so.2 libnss_dns.so.2 libutil.so.1; do
  if [ -e "$libdir/$lib" ]; then
    mkdir -p "$out$libdir"
    cp -L "$libdir/$lib" "$out$libdir/$lib"
  fi
done
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$out/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$out/etc/hosts"

# The dynamic loader lives at a fixed path; /lib64 is a link to it on Debian.
loader=$(ldd "$out/opt/java/bin/java" | awk '/ld-linux/ {print $1}')
mkdir -p "$out$(dirname "$loader")"
cp -L "$loader" "$out$loader"

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
rapport:x:10001:10001:Rapport:/data:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
rapport:x:10001:
GROUP
echo "runtime for the image in $out: $(du -sh "$out" | cut -f1)"
