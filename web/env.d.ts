// Stylesheets are bundled by Vite when a module imports them.
declare module "*.css";
