// Text assets are bundled as strings (webpack `asset/source`, Jest raw transform).
declare module "*.csv" {
  const text: string;
  export default text;
}
