/** The languages the workstation speaks: its catalogues, the lead's report, the assessor's choice kept by core. */
export const interfaceLocales = ['en', 'es'] as const;
export type InterfaceLocale = (typeof interfaceLocales)[number];
