/* Prints the code pages a Windows program sees: "ANSI <n> OEM <n>" (the smoke run checks
 * that Wine gives the app code page 1252 or 936 as asked). Test tool; never shipped. */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    printf("ANSI %u OEM %u\n", GetACP(), GetOEMCP());
    return 0;
}
