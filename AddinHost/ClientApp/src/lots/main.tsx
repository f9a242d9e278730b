import { boot } from "../shared/boot";
import { BatchPage } from "./BatchPage";

boot("Lot du jour", () => <BatchPage />);
