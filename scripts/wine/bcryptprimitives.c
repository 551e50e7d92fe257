/*
 * Test-rig shim for Wine 8.0 (Debian bookworm), which lacks
 * bcryptprimitives.dll. Go >= 1.22 executables call ProcessPrng from it at
 * start and abort without it. This DLL exports ProcessPrng over advapi32's
 * SystemFunction036 (RtlGenRandom).
 *
 * Built at test time by scripts/wine-prefix.sh with x86_64-w64-mingw32-gcc
 * and copied into the Wine prefix's system32 only. It is never shipped:
 * Windows 10 and 11 have the real DLL.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
	(void)inst;
	(void)reason;
	(void)reserved;
	return TRUE;
}
