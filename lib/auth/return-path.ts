/** The request header through which proxy.ts tells pages the address that was asked for. */
export const RETURN_PATH_HEADER = "x-teamline-return-path";
