/* A stand-in for Windows' bcryptprimitives.dll, for the Wine smoke test only.
 *
 * Rust's standard library (1.78 and later) draws its random seeds from ProcessPrng in
 * bcryptprimitives.dll, which every Windows since 10 ships. Wine 8 (Debian 12's) has no such DLL,
 * so gwlint.exe would not start there; tools/wine-smoke.sh builds this file with mingw-w64 and
 * puts it in the Wine prefix's system32 when Wine lacks it. It is never shipped with gwlint. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
