/* Stand-in for Windows' bcryptprimitives.dll, for the Wine test prefix only (never shipped).
 *
 * Windows 10 and 11 export ProcessPrng from bcryptprimitives.dll; the Rust standard library
 * (pydantic-core, orjson, cryptography) imports it to get random bytes. Wine 8 has no such
 * DLL, so those extensions fail to load. This one answers from RtlGenRandom.
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
